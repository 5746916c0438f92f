import { graphemePrefix } from "../lib/graphemes.js";

/** Escapes text for Telegram's HTML parse mode (and for attribute values). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * Shortens to at most `max` UTF-16 units (what Telegram counts) at a word boundary, with an
 * ellipsis; never inside a grapheme, so an emoji is never split into half a surrogate pair.
 */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = graphemePrefix(text, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/u, "")}…`;
}
