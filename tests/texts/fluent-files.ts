import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FluentResource } from "@fluent/bundle";
import { LOCALES_DIR } from "../../src/i18n/i18n.js";
import type { Locale } from "../../src/i18n/i18n.js";

/** One Fluent file as @fluent/bundle parses it: the messages (terms left out) by id. */
export function messagesOf(locale: Locale): Map<string, unknown> {
  const resource = new FluentResource(readFileSync(join(LOCALES_DIR, `${locale}.ftl`), "utf8"));
  return new Map(resource.body.filter((entry) => !entry.id.startsWith("-")).map((entry) => [entry.id, entry]));
}

export function messageIds(locale: Locale): string[] {
  return [...messagesOf(locale).keys()];
}

/** The variables a message uses anywhere in its value, its variants or the messages it refers to. */
export function variablesOf(messages: Map<string, unknown>, id: string, seen = new Set<string>()): Set<string> {
  const found = new Set<string>();
  seen.add(id);
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== "object") return;
    const record = node as Record<string, unknown>;
    if (record.type === "var" && typeof record.name === "string") found.add(record.name);
    if (record.type === "mesg" && typeof record.name === "string" && !seen.has(record.name)) for (const name of variablesOf(messages, record.name, seen)) found.add(name);
    Object.values(record).forEach(walk);
  };
  walk(messages.get(id));
  return found;
}
