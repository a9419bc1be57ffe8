import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "./markdown";

const html = (md: string) => renderToStaticMarkup(<Markdown>{md}</Markdown>);

describe("a story's links", () => {
  it("keeps web and mail links as links that leave with nofollow", () => {
    expect(html("See [our site](https://atelier.example/story).")).toContain('<a href="https://atelier.example/story" rel="nofollow noopener noreferrer" target="_blank"');
    expect(html("[Write to us](mailto:hello@atelier.example)")).toContain('href="mailto:hello@atelier.example"');
  });

  it.each([
    ["javascript:", "[click me](javascript:alert(1))"],
    ["data:", "[click me](data:text/html,<script>alert(1)</script>)"],
    ["vbscript:", "[click me](vbscript:msgbox)"],
    ["a relative path", "[click me](/brand/x/settings)"],
  ])("turns a %s link into its plain text", (_label, md) => {
    const out = html(md);
    expect(out).not.toContain("<a");
    expect(out).toContain("<span>click me</span>");
  });
});
