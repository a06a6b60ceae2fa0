import { describe, expect, it } from "vitest";
import { escapeHtml, html, multiline, SafeHtml } from "./html.ts";

describe("html``", () => {
  it("escapes every interpolated string, in text and in attributes", () => {
    const evil = `<script>alert(1)</script>" onmouseover="x`;
    const out = html`<p title="${evil}">${evil}</p>`.toString();
    expect(out).not.toContain("<script>");
    expect(out).toBe(
      '<p title="&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;x">&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;x</p>',
    );
  });

  it("keeps nested templates as markup and joins arrays", () => {
    const items = ["a<b", "c&d"].map((t) => html`<li>${t}</li>`);
    expect(html`<ul>${items}</ul>`.toString()).toBe("<ul><li>a&lt;b</li><li>c&amp;d</li></ul>");
  });

  it("leaves out null, undefined and booleans", () => {
    expect(html`${null}${undefined}${false}${true}x${0}`.toString()).toBe("x0");
  });

  it("cannot be made from a string except through the template", () => {
    expect(() => new SafeHtml("<b>", Symbol("SafeHtml"))).toThrow();
  });

  it("keeps line breaks as <br> and makes no link from a URL", () => {
    expect(multiline("see https://example.org/<x>\nthanks").toString()).toBe(
      "see https://example.org/&lt;x&gt;<br>thanks",
    );
  });

  it("escapes the quote characters too", () => {
    expect(escapeHtml(`'"\``)).toBe("&#39;&quot;&#96;");
  });
});
