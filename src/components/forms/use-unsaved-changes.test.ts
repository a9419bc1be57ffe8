import { describe, expect, it } from "vitest";
import { leavesPageInApp } from "./use-unsaved-changes";

const here = new URL("http://localhost:3000/workshop/atelier/profile");
const click = { button: 0, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false, defaultPrevented: false };
const link = (href: string, target = "") => ({ href, target, hasDownload: false });

describe("which link clicks would drop unsaved edits", () => {
  it("a plain click on another page of the app (a tab of the editor, the portal navigation)", () => {
    expect(leavesPageInApp(click, link("/workshop/atelier/profile/artisans"), here)).toBe(true);
    expect(leavesPageInApp(click, link("http://localhost:3000/workshop/atelier/settings"), here)).toBe(true);
  });

  it("not a link to this very page, a new tab, another site, a download or a modified click", () => {
    expect(leavesPageInApp(click, link("/workshop/atelier/profile"), here)).toBe(false);
    expect(leavesPageInApp(click, link("/workshops/atelier", "_blank"), here)).toBe(false);
    expect(leavesPageInApp(click, link("https://example.com/"), here)).toBe(false);
    expect(leavesPageInApp(click, { href: "/api/files/1", target: "", hasDownload: true }, here)).toBe(false);
    expect(leavesPageInApp({ ...click, metaKey: true }, link("/workshop/atelier/settings"), here)).toBe(false);
    expect(leavesPageInApp({ ...click, button: 1 }, link("/workshop/atelier/settings"), here)).toBe(false);
  });
});
