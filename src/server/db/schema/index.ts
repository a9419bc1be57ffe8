export * from "./users";
export * from "./organizations";
export * from "./events";
export * from "./emails";
export * from "./files";
export * from "./workshops";
export * from "./vetting";
