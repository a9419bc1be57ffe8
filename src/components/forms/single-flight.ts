import { useEffect, useRef, useState } from "react";

/**
 * Wraps an async action so that calling it again while it runs joins the run in progress instead of
 * starting another. A double-click lands two clicks before React re-renders the button as disabled, so
 * `disabled={isPending}` alone lets the second one through (and its toast with it).
 *
 * With `keyOf`, only calls with the same key join: removing one item while another is being removed
 * still removes both.
 */
export function singleFlight<A extends unknown[], R>(action: (...args: A) => Promise<R>, keyOf: (...args: A) => string = () => ""): (...args: A) => Promise<R> {
  const running = new Map<string, Promise<R>>();
  return (...args) => {
    const key = keyOf(...args);
    const current = running.get(key);
    if (current) return current;
    const run = action(...args).finally(() => running.delete(key));
    running.set(key, run);
    return run;
  };
}

/** `singleFlight` for a component: one run at a time (per key) across renders, always calling the latest `action`. */
export function useSingleFlight<A extends unknown[], R>(action: (...args: A) => Promise<R>, keyOf?: (...args: A) => string): (...args: A) => Promise<R> {
  const latest = useRef(action);
  useEffect(() => {
    latest.current = action;
  });
  const [wrapped] = useState(() => singleFlight((...args: A) => latest.current(...args), keyOf));
  return wrapped;
}
