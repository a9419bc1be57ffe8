"use client";

import { useEffect } from "react";

export const UNSAVED_CHANGES_MESSAGE = "You have unsaved changes. Leave this page and lose them?";

/**
 * Whether a click on this link leaves the page for another one inside the app (what Next's <Link> would
 * navigate to without a page load, so without `beforeunload`).
 */
export function leavesPageInApp(event: Pick<MouseEvent, "button" | "metaKey" | "ctrlKey" | "shiftKey" | "altKey" | "defaultPrevented">, link: { href: string; target: string; hasDownload: boolean }, here: URL): boolean {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  if ((link.target && link.target !== "_self") || link.hasDownload) return false;
  const to = new URL(link.href, here);
  if (to.origin !== here.origin) return false;
  return to.pathname !== here.pathname || to.search !== here.search;
}

/**
 * Warns before unsaved edits are lost: the browser's own prompt on reload, tab close or a typed address,
 * and a confirm on a click of an in-app link. The click is caught on `window` in the capture phase, so it
 * is stopped before Next's <Link> handler (on React's root) navigates.
 */
export function useUnsavedChangesWarning(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older Chromium needs returnValue set to show the prompt.
      e.returnValue = "";
    };
    const onClick = (e: MouseEvent) => {
      const link = e.target instanceof Element ? e.target.closest("a[href]") : null;
      if (!(link instanceof HTMLAnchorElement)) return;
      if (!leavesPageInApp(e, { href: link.href, target: link.target, hasDownload: link.hasAttribute("download") }, new URL(window.location.href))) return;
      if (window.confirm(UNSAVED_CHANGES_MESSAGE)) return;
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    window.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      window.removeEventListener("click", onClick, true);
    };
  }, [dirty]);
}
