// The preorder pages' client islands (the countdown that counts a view, the reserve form, the reservation
// page's actions) call procedures, so these pages bring the tRPC client the other public pages do without.
export { default } from "~/trpc/with-trpc-layout";
