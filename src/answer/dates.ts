import { t } from "../i18n/i18n.js";
import type { TextVariables } from "../i18n/i18n.js";
import type { Lang } from "./types.js";

/**
 * An ISO date's parts as the Fluent date messages take them: "2025-12-03" is a day, "2025-12" a
 * month, "2025" a year. The year goes as text (a number would be digit-grouped: «2 025»).
 * Undefined for anything else.
 */
export function dateVariables(iso: string): TextVariables | undefined {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso);
  if (!match) return undefined;
  const [, year, month, day] = match;
  if (month === undefined) return { precision: "year", year: year! };
  if (Number(month) < 1 || Number(month) > 12) return undefined;
  if (day === undefined) return { precision: "month", month: Number(month), year: year! };
  return { precision: "day", day: Number(day), month: Number(month), year: year! };
}

/**
 * "2025-12-03" → "3 декабря 2025" / "3 December 2025"; "2025-12" → "декабрь 2025" / "December 2025";
 * "2025" stays "2025"; anything else is shown as it is. Month names come from the Fluent files,
 * not from the ICU data Node was built with.
 */
export function formatDate(iso: string, lang: Lang): string {
  const variables = dateVariables(iso);
  return variables ? t(lang, "date", variables) : iso;
}
