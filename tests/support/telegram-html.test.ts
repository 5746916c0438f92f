import { describe, expect, it } from "vitest";
import { checkTelegramHtml } from "./telegram-html.js";

function ok(html: string) {
  const result = checkTelegramHtml(html);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(html)} to parse, got: ${result.error}`);
  return result;
}

function error(html: string, options?: { strict?: boolean }): string {
  const result = checkTelegramHtml(html, options);
  if (result.ok) throw new Error(`expected ${JSON.stringify(html)} to be refused, got text ${JSON.stringify(result.text)}`);
  return result.error;
}

describe("checkTelegramHtml: accepted markup", () => {
  it("accepts every documented tag and returns the visible text", () => {
    const html = [
      "<b>bold</b>, <strong>bold</strong>",
      "<i>italic</i>, <em>italic</em>",
      "<u>underline</u>, <ins>underline</ins>",
      "<s>strike</s>, <strike>strike</strike>, <del>strike</del>",
      '<span class="tg-spoiler">spoiler</span>, <tg-spoiler>spoiler</tg-spoiler>',
      "<b>bold <i>italic bold <s>italic bold strikethrough <span class=\"tg-spoiler\">spoiler</span></s> <u>underline italic bold</u></i> bold</b>",
      '<a href="http://www.example.com/">inline URL</a>',
      '<a href="tg://user?id=123456789">inline mention of a user</a>',
      '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>',
      "<code>inline fixed-width code</code>",
      "<pre>pre-formatted fixed-width code block</pre>",
      '<pre><code class="language-python">print("x")</code></pre>',
      "<blockquote>Block quotation started\nBlock quotation continued</blockquote>",
      "<blockquote expandable>Expandable block quotation</blockquote>",
    ].join("\n");
    const result = ok(html);
    expect(result.text).toContain("bold, bold\nitalic, italic");
    expect(result.text).toContain('print("x")');
    expect(result.text).not.toContain("<");
    const types = new Set(result.entities.map((e) => e.type));
    for (const type of [
      "bold",
      "italic",
      "underline",
      "strikethrough",
      "spoiler",
      "text_link",
      "custom_emoji",
      "code",
      "pre",
      "blockquote",
      "expandable_blockquote",
    ]) {
      expect(types, type).toContain(type);
    }
  });

  it("decodes the supported named and all numeric entities", () => {
    expect(ok("a &lt; b &gt; c &amp; &quot;d&quot; &#1055;&#x440;&#x1F600;").text).toBe('a < b > c & "d" Пр😀');
  });

  it("accepts a bare '>' (the server keeps it as text)", () => {
    expect(ok("1 -> 2").text).toBe("1 -> 2");
  });

  it("computes entity offsets and lengths in UTF-16 code units", () => {
    const result = ok("😀 <b>Привет</b> <i>мир</i>");
    expect(result.text).toBe("😀 Привет мир");
    expect(result.entities).toEqual([
      { type: "bold", offset: 3, length: 6 },
      { type: "italic", offset: 10, length: 3 },
    ]);
  });

  it("turns <pre><code class=language-x> into one pre entity with a language", () => {
    expect(ok('<pre><code class="language-ts">let x = 1;</code></pre>').entities).toEqual([
      { type: "pre", offset: 0, length: 10, language: "ts" },
    ]);
    // on a standalone code tag the language is ignored
    expect(ok('<code class="language-ts">x</code>').entities).toEqual([{ type: "code", offset: 0, length: 1 }]);
  });

  it("keeps the href of links, with entities in attribute values decoded", () => {
    expect(ok('<a href="https://example.com/?a=1&amp;b=2">link</a>').entities).toEqual([
      { type: "text_link", offset: 0, length: 4, url: "https://example.com/?a=1&b=2" },
    ]);
  });

  it("treats tag names case-insensitively and accepts </> as a closing tag", () => {
    expect(ok("<B>x</b>").text).toBe("x");
    expect(ok("<i>y</>").text).toBe("y");
  });
});

describe("checkTelegramHtml: refused markup", () => {
  it("refuses a bare '<'", () => {
    expect(error("a < b")).toBe('Unsupported start tag "" at byte offset 2');
    expect(error("x <= y")).toMatch(/^Unsupported start tag "=" at byte offset 2/);
  });

  it("refuses tags Telegram does not support", () => {
    expect(error("<div>x</div>")).toBe('Unsupported start tag "div" at byte offset 0');
    expect(error("line<br/>next")).toBe('Unsupported start tag "br/" at byte offset 4');
    expect(error("<p>x</p>")).toMatch(/Unsupported start tag "p"/);
  });

  it("reports byte offsets in UTF-8", () => {
    // "Привет " is 13 bytes in UTF-8
    expect(error("Привет <h1>")).toBe('Unsupported start tag "h1" at byte offset 13');
  });

  it("refuses badly nested and unclosed tags", () => {
    expect(error("<b><i>x</b></i>")).toBe('Unmatched end tag at byte offset 7, expected "</i>", found "</b>"');
    expect(error("<b>x")).toBe('Can\'t find end tag corresponding to start tag "b"');
    expect(error("x</b>")).toBe("Unexpected end tag at byte offset 1");
    expect(error("<b")).toBe("Unclosed start tag at byte offset 0");
    expect(error('<a href="x')).toMatch(/^Unclosed start tag/);
    expect(error("<b>x</b")).toBe("Unclosed end tag at byte offset 4");
  });

  it("refuses a bare '&' and unsupported named entities", () => {
    expect(error("Tom & Jerry")).toBe('Character "&" at byte offset 4 must be escaped as "&amp;"');
    expect(error("a&nbsp;b")).toMatch(/^Unsupported HTML entity "&nbsp;" at byte offset 1/);
    expect(error("&#0;")).toMatch(/must be escaped/);
  });

  it("keeps a bare '&' as text when strict is false, like the server", () => {
    const result = checkTelegramHtml("Tom & Jerry &nbsp;", { strict: false });
    expect(result).toEqual({ ok: true, text: "Tom & Jerry &nbsp;", entities: [] });
  });

  it("requires class tg-spoiler on span, href on a, a numeric emoji-id on tg-emoji", () => {
    expect(error("<span>x</span>")).toBe('Tag "span" must have class "tg-spoiler" at byte offset 0');
    expect(error('<span class="red">x</span>')).toMatch(/must have class "tg-spoiler"/);
    expect(error("<a>x</a>")).toMatch(/Tag "a" must have a non-empty attribute "href"/);
    expect(error('<a href="">x</a>')).toMatch(/Tag "a" must have a non-empty attribute "href"/);
    expect(error("<tg-emoji>👍</tg-emoji>")).toMatch(/Invalid custom emoji identifier/);
  });

  it("refuses malformed attributes", () => {
    expect(error("<a href>x</a>")).toMatch(/Expected equal sign/);
    expect(error("<a href=x?y>x</a>")).toMatch(/Unexpected end of name token/);
  });
});
