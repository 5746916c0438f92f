/**
 * Texts made away from any reader — a knowledge problem found at a reload, an ingest note — are
 * values, not sentences: a Fluent message key with its variables. Whoever shows one renders it in
 * its reader's language (the bot in the admin's, the command line in English), so the words live
 * only in locales/*.ftl. Pure: no Fluent here, only the shapes and the rendering through a `t`.
 */

/**
 * A family of texts as a type: each key with its variables. A variable is a string, a count (a
 * number, so Fluent can choose the plural), or another keyed text rendered in the same language.
 */
export type TextFamily = Record<string, Record<string, TextValue>>;
export type TextValue = string | number | { key: string; vars: Record<string, unknown> };

/** One text of a family: `{ key, vars }`, where a wrong key or a wrong or missing variable does not compile. */
export type KeyedText<F extends TextFamily> = { [K in keyof F & string]: { key: K; vars: F[K] } }[keyof F & string];

/**
 * The variable names of each key, at run time: tests/texts hold them against both Fluent files, and
 * stored texts (an ingest draft's notes) are checked against them when read back.
 */
export type TextVariableNames<F extends TextFamily> = { [K in keyof F & string]: ReadonlyArray<keyof F[K] & string> };

/** ctx.t, or `t` with a locale bound. */
export type Translate = (key: string, variables?: Record<string, string | number>) => string;

export function renderText(text: { key: string; vars: Record<string, unknown> }, t: Translate): string {
  const vars: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(text.vars)) {
    vars[name] = typeof value === "string" || typeof value === "number" ? value : renderText(value as { key: string; vars: Record<string, unknown> }, t);
  }
  return t(text.key, vars);
}
