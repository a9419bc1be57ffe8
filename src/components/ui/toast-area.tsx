"use client";

import { useEffect, useState, type ComponentType } from "react";
import type { ToasterProps } from "sonner";

/**
 * Where toasts appear, loaded once the page is idle instead of with the first paint's scripts: nothing
 * toasts before a person acts, and a toast made before the Toaster subscribes is shown when it does (sonner
 * replays the active toasts to a new subscriber), so public pages hydrate without it.
 */
export function ToastArea(props: ToasterProps) {
  const [Toaster, setToaster] = useState<ComponentType<ToasterProps> | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      void import("sonner").then((m) => {
        if (live) setToaster(() => m.Toaster);
      });
    if (typeof window.requestIdleCallback === "function") {
      const handle = window.requestIdleCallback(load, { timeout: 2_000 });
      return () => {
        live = false;
        window.cancelIdleCallback(handle);
      };
    }
    const timer = window.setTimeout(load, 200);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, []);
  return Toaster ? <Toaster {...props} /> : null;
}
