"use client";

import { useEffect, useState, type ComponentType } from "react";
import type { ToasterProps } from "sonner";

/** What a person does before anything on a page can toast: every toast answers an action (a save, a click). */
const FIRST_ACTIONS = ["pointerdown", "keydown", "touchstart"] as const;

/**
 * Where toasts appear, loaded on the page's first pointer, key or touch instead of with the first paint's
 * scripts, so a visitor who only reads (the directory, a profile) never downloads it. Nothing is lost: a
 * toast made before the Toaster subscribes is shown when it does (sonner replays the active toasts to a new
 * subscriber), and the Toaster lives in the root layout, so it stays loaded across client navigations.
 */
export function ToastArea(props: ToasterProps) {
  const [Toaster, setToaster] = useState<ComponentType<ToasterProps> | null>(null);
  useEffect(() => {
    let live = true;
    const load = () => {
      for (const type of FIRST_ACTIONS) window.removeEventListener(type, load, true);
      void import("sonner").then((m) => {
        if (live) setToaster(() => m.Toaster);
      });
    };
    for (const type of FIRST_ACTIONS) window.addEventListener(type, load, { capture: true, passive: true });
    return () => {
      live = false;
      for (const type of FIRST_ACTIONS) window.removeEventListener(type, load, true);
    };
  }, []);
  return Toaster ? <Toaster {...props} /> : null;
}
