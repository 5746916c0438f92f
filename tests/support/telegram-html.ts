/**
 * A checker for Telegram's `parse_mode: "HTML"` dialect, modelled on the Bot
 * API server's parser (tdlib `parse_html`), with the documented rules made
 * strict where the server is lenient (see `strict` below).
 *
 * Rules (https://core.telegram.org/bots/api#html-style):
 * - tags: b, strong, i, em, u, ins, s, strike, del, span class="tg-spoiler",
 *   tg-spoiler, a href, tg-emoji emoji-id, code, pre (optionally wrapping
 *   <code class="language-x">), blockquote (optionally `expandable`);
 * - tags must be properly nested and closed;
 * - entities: &lt; &gt; &amp; &quot; and all numeric ones (&#NNN; / &#xHH;).
 *
 * Errors use the server's wording where the server has an error (the part
 * after "Bad Request: can't parse entities: "), with offsets in UTF-8 bytes.
 */

export type TelegramHtmlEntityType =
  | "bold"
  | "italic"
  | "underline"
  | "strikethrough"
  | "spoiler"
  | "text_link"
  | "custom_emoji"
  | "code"
  | "pre"
  | "blockquote"
  | "expandable_blockquote";

/** A MessageEntity produced by the markup; offsets/lengths in UTF-16 code units of `text`. */
export interface TelegramHtmlEntity {
  type: TelegramHtmlEntityType;
  offset: number;
  length: number;
  url?: string;
  language?: string;
  custom_emoji_id?: string;
}

export type TelegramHtmlResult =
  | { ok: true; text: string; entities: TelegramHtmlEntity[] }
  | { ok: false; error: string };

export interface TelegramHtmlOptions {
  /**
   * Default true. When true, a "&" that does not start one of the supported
   * entities (a bare "&", "&nbsp;", "&#0;"…) is an error, and `<a>` needs a
   * non-empty href. The real server keeps such an "&" as literal text (the
   * user then sees "&nbsp;") and uses the link text as the URL of an `<a>`
   * without href; pass `strict: false` for exactly that behaviour.
   */
  strict?: boolean;
}

export const TELEGRAM_HTML_TAGS: ReadonlySet<string> = new Set([
  "a",
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "span",
  "tg-spoiler",
  "tg-emoji",
  "code",
  "pre",
  "blockquote",
]);

const SIMPLE_TAG_TYPES: Readonly<Record<string, TelegramHtmlEntityType>> = {
  b: "bold",
  strong: "bold",
  i: "italic",
  em: "italic",
  u: "underline",
  ins: "underline",
  s: "strikethrough",
  strike: "strikethrough",
  del: "strikethrough",
  "tg-spoiler": "spoiler",
  span: "spoiler",
  code: "code",
  pre: "pre",
};

const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"' };

interface OpenTag {
  name: string;
  /** href / language / emoji id / "expandable" */
  argument: string;
  offset: number;
  /** index of the first entity created inside this tag */
  firstInnerEntity: number;
}

class HtmlError extends Error {}

/** Decodes the entity starting at `html[i] === "&"`, or returns null if there is none. */
function decodeEntity(html: string, i: number): { char: string; length: number; name: string } | null {
  const m = /^&(?:#([0-9]{1,8})|#[xX]([0-9a-fA-F]{1,8})|([a-zA-Z][a-zA-Z0-9]{0,31}));/.exec(html.slice(i, i + 42));
  if (!m) return null;
  const [whole, dec, hex, name] = m;
  if (name !== undefined) {
    const char = NAMED_ENTITIES[name];
    return char === undefined ? null : { char, length: whole.length, name: whole };
  }
  const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? "", 16);
  if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) return null;
  return { char: String.fromCodePoint(code), length: whole.length, name: whole };
}

/** tdlib's is_space; the end of the string counts as "\0", which is a space too. */
function isSpace(c: string): boolean {
  return c === " " || c === "\t" || c === "\r" || c === "\n" || c === "\0" || c === "\v";
}

function isNameTokenChar(c: string): boolean {
  return /^[A-Za-z0-9.-]$/.test(c);
}

/**
 * Parses `html` as Telegram HTML. On success returns the visible text (tags
 * removed, entities decoded, not trimmed) and the entities it defines.
 */
export function checkTelegramHtml(html: string, options: TelegramHtmlOptions = {}): TelegramHtmlResult {
  try {
    return { ok: true, ...parse(html, options.strict ?? true) };
  } catch (error) {
    if (error instanceof HtmlError) return { ok: false, error: error.message };
    throw error;
  }
}

function parse(html: string, strict: boolean): { text: string; entities: TelegramHtmlEntity[] } {
  const n = html.length;
  const at = (i: number): string => (i < n ? (html[i] as string) : "\0");
  const byteOffset = (i: number): number => Buffer.byteLength(html.slice(0, i), "utf8");
  const fail = (message: string): never => {
    throw new HtmlError(message);
  };

  let text = "";
  const entities: TelegramHtmlEntity[] = [];
  const stack: OpenTag[] = [];

  for (let i = 0; i < n; i++) {
    const c = html[i] as string;

    if (c === "&") {
      const entity = decodeEntity(html, i);
      if (entity) {
        text += entity.char;
        i += entity.length - 1;
        continue;
      }
      if (strict) {
        const named = /^&[a-zA-Z][a-zA-Z0-9]*;/.exec(html.slice(i, i + 40));
        if (named) {
          fail(
            `Unsupported HTML entity "${named[0]}" at byte offset ${byteOffset(i)}; only &lt; &gt; &amp; &quot; and numeric entities are supported`,
          );
        }
        fail(`Character "&" at byte offset ${byteOffset(i)} must be escaped as "&amp;"`);
      }
      text += c;
      continue;
    }

    if (c !== "<") {
      text += c;
      continue;
    }

    const beginPos = i++;
    if (at(i) !== "/") {
      // start tag
      while (!isSpace(at(i)) && at(i) !== ">") i++;
      if (i >= n) fail(`Unclosed start tag at byte offset ${byteOffset(beginPos)}`);
      const tagName = html.slice(beginPos + 1, i).toLowerCase();
      if (!TELEGRAM_HTML_TAGS.has(tagName)) {
        fail(`Unsupported start tag "${tagName}" at byte offset ${byteOffset(beginPos)}`);
      }

      let argument = "";
      let hasHref = false;
      while (at(i) !== ">") {
        while (i < n && isSpace(at(i))) i++;
        if (at(i) === ">") break;
        if (i >= n) fail(`Unclosed start tag at byte offset ${byteOffset(beginPos)}`);
        const attributeBegin = i;
        while (!isSpace(at(i)) && at(i) !== "=" && at(i) !== ">") i++;
        const attributeName = html.slice(attributeBegin, i);
        if (attributeName.length === 0) {
          fail(`Empty attribute name in the tag "${tagName}" at byte offset ${byteOffset(beginPos)}`);
        }
        while (i < n && isSpace(at(i))) i++;
        if (at(i) !== "=") {
          if (tagName === "blockquote" && attributeName.toLowerCase() === "expandable") {
            argument = "expandable";
            continue;
          }
          fail(
            `Expected equal sign in declaration of an attribute of the tag "${tagName}" at byte offset ${byteOffset(beginPos)}`,
          );
        }
        i++;
        while (i < n && isSpace(at(i))) i++;
        if (i >= n) fail(`Unclosed start tag "${tagName}" at byte offset ${byteOffset(beginPos)}`);

        let value = "";
        const quote = at(i);
        if (quote !== "'" && quote !== '"') {
          const tokenBegin = i;
          while (isNameTokenChar(at(i))) i++;
          value = html.slice(tokenBegin, i).toLowerCase();
          if (!isSpace(at(i)) && at(i) !== ">") {
            fail(`Unexpected end of name token at byte offset ${byteOffset(tokenBegin)}`);
          }
        } else {
          i++;
          while (i < n && at(i) !== quote) {
            if (at(i) === "&") {
              const entity = decodeEntity(html, i);
              if (entity) {
                value += entity.char;
                i += entity.length;
                continue;
              }
            }
            value += at(i);
            i++;
          }
          if (at(i) === quote) i++;
        }
        if (i >= n) fail(`Unclosed start tag at byte offset ${byteOffset(beginPos)}`);

        const attr = attributeName.toLowerCase();
        if (tagName === "a" && attr === "href") {
          argument = value;
          hasHref = true;
        } else if (tagName === "code" && attr === "class" && value.startsWith("language-")) {
          argument = value.slice("language-".length);
        } else if (tagName === "span" && attr === "class" && value.startsWith("tg-")) {
          argument = value.slice("tg-".length);
        } else if (tagName === "tg-emoji" && attr === "emoji-id") {
          argument = value;
        }
      }

      if (tagName === "span" && argument !== "spoiler") {
        fail(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(beginPos)}`);
      }
      if (tagName === "a" && strict && (!hasHref || argument.trim() === "")) {
        fail(`Tag "a" must have a non-empty attribute "href" at byte offset ${byteOffset(beginPos)}`);
      }
      if (tagName === "tg-emoji" && !/^[0-9]{1,19}$/.test(argument)) {
        fail(`Invalid custom emoji identifier specified at byte offset ${byteOffset(beginPos)}`);
      }
      stack.push({ name: tagName, argument, offset: text.length, firstInnerEntity: entities.length });
    } else {
      // end tag
      if (stack.length === 0) fail(`Unexpected end tag at byte offset ${byteOffset(beginPos)}`);
      while (!isSpace(at(i)) && at(i) !== ">") i++;
      const endTagName = html.slice(beginPos + 2, i);
      while (i < n && isSpace(at(i))) i++;
      if (at(i) !== ">") fail(`Unclosed end tag at byte offset ${byteOffset(beginPos)}`);

      const open = stack.pop() as OpenTag;
      if (endTagName.length > 0 && endTagName !== open.name) {
        fail(
          `Unmatched end tag at byte offset ${byteOffset(beginPos)}, expected "</${open.name}>", found "</${endTagName}>"`,
        );
      }
      closeEntity(open, text, entities);
    }
  }

  const unclosed = stack.pop();
  if (unclosed) fail(`Can't find end tag corresponding to start tag "${unclosed.name}"`);

  // a language is only meaningful on `pre`; the server ignores it on a standalone `code`
  const finished = entities.map((e) =>
    e.type === "code" && e.language !== undefined ? { type: e.type, offset: e.offset, length: e.length } : e,
  );
  finished.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text, entities: finished };
}

function closeEntity(open: OpenTag, text: string, entities: TelegramHtmlEntity[]): void {
  const offset = open.offset;
  const length = text.length - offset;
  if (length <= 0) return; // the server drops empty entities

  switch (open.name) {
    case "a":
      entities.push({ type: "text_link", offset, length, url: open.argument || text.slice(offset) });
      return;
    case "tg-emoji":
      entities.push({ type: "custom_emoji", offset, length, custom_emoji_id: open.argument });
      return;
    case "blockquote":
      entities.push({ type: open.argument === "expandable" ? "expandable_blockquote" : "blockquote", offset, length });
      return;
    case "code":
      // the language is remembered until the enclosing <pre> closes
      entities.push({ type: "code", offset, length, ...(open.argument ? { language: open.argument } : {}) });
      return;
    case "pre": {
      const innerIndex = entities.findIndex(
        (e, index) => index >= open.firstInnerEntity && e.type === "code" && e.offset === offset && e.length === length,
      );
      let language: string | undefined;
      if (innerIndex >= 0) {
        language = entities[innerIndex]?.language;
        entities.splice(innerIndex, 1);
      }
      entities.push({ type: "pre", offset, length, ...(language ? { language } : {}) });
      return;
    }
    default: {
      const type = SIMPLE_TAG_TYPES[open.name];
      if (type) entities.push({ type, offset, length });
    }
  }
}
