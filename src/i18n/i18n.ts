import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { I18n } from "@grammyjs/i18n";
import type { Translate } from "./texts.js";

/** The languages the bot writes in; Russian is the default (the knowledge is Russian first). */
export type Locale = "ru" | "en";
export const LOCALES: readonly Locale[] = ["ru", "en"];

/** A message's variables: counts stay numbers (Fluent picks the plural form from them); years and ids go as strings so they are never digit-grouped. */
export type TextVariables = Record<string, string | number>;

/**
 * The Fluent files, found next to the code rather than from the working directory, so `npm start`,
 * `npm test` and a script run from any folder read the same files.
 */
export const LOCALES_DIR = fileURLToPath(new URL("../../locales", import.meta.url));

/**
 * The one I18n instance: the bot installs its middleware (ctx.t), and everything outside a grammY
 * context (answers, the console chat, `npm run ask`, inline results) calls `t` below.
 * Isolation marks are off: Fluent would wrap every variable in U+2068/U+2069, which Telegram shows
 * as stray characters and which would break the search of a suggested question.
 * A missing message or variable is a bug, so it throws instead of sending "{key}" to a user.
 */
export const i18n = new I18n({
  defaultLocale: "ru",
  useSession: false,
  // ctx.t speaks the user's Telegram language; an answer's own language is passed to `t` explicitly.
  localeNegotiator: (ctx) => localeOf(ctx.from?.language_code),
  fluentBundleOptions: { useIsolating: false },
  fluentOptions: {
    warningHandler: (warning) => {
      throw new Error(`i18n: no text "${warning.path}" for ${warning.locales.join(", ")}`);
    },
  },
});

// Each language from its own file, by name: the plugin's directory walk hides a file's real read error.
for (const locale of LOCALES) i18n.loadLocaleSync(locale, { filePath: join(LOCALES_DIR, `${locale}.ftl`) });

/** The text `key` in `locale`, with its variables. */
export function t(locale: Locale, key: string, variables?: TextVariables): string {
  return i18n.t(locale, key, variables);
}

/** `t` with the locale bound, for rendering keyed texts (renderText, formatProblem) outside a grammY context. */
export function translator(locale: Locale): Translate {
  return (key, variables) => t(locale, key, variables);
}

// Languages whose speakers mostly read Russian: the former USSR's. Everyone else is better served in English.
const READS_RUSSIAN = new Set(["ru", "uk", "be", "kk", "ky", "uz", "tg", "tk", "az", "hy", "ka"]);

/**
 * The interface language for a Telegram `language_code` ("en-GB", "uk", …): Russian for Russian and
 * the languages of the former USSR, English for any other language, Russian when Telegram does not say.
 */
export function localeOf(languageCode: string | undefined): Locale {
  if (!languageCode) return "ru";
  const language = languageCode.toLowerCase().split("-")[0]!;
  return READS_RUSSIAN.has(language) ? "ru" : "en";
}
