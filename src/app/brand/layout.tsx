export { default } from "~/trpc/with-trpc-layout";
