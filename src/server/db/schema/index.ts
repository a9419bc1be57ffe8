export * from "./users";
export * from "./organizations";
export * from "./events";
export * from "./emails";
