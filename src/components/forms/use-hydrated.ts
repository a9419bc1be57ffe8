import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/** False in the server's HTML and until React has hydrated, then true: buttons that only work with script wait for it. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
