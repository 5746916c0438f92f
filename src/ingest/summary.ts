import { renderText } from "../i18n/texts.js";
import type { Translate } from "../i18n/texts.js";
import type { DraftResult } from "./draft.js";

/**
 * What the editor reads after an ingest: where the draft is, each card in one glance, what was
 * dropped and why, partner suggestions, and what to check. Plain text, so a console and a chat
 * message can both show it. The notes and reasons are the bot's keyed texts, rendered with `t`
 * (the command line passes English); the headings around them are the command line's own.
 */
/** The command line's own way to give a header field the article lacks. */
const FLAG_FOR = { publisher: "--publisher P" } as const;

export function formatDraftSummary(result: DraftResult, t: Translate, writtenTo?: string): string {
  const lines: string[] = [];
  const errors = result.problems.filter((problem) => problem.severity === "error");
  const warnings = result.problems.filter((problem) => problem.severity === "warning");

  if (!result.ok) {
    lines.push("No draft was made:");
    for (const problem of errors) {
      const flag = problem.field === "publisher" ? ` (or pass ${FLAG_FOR.publisher})` : "";
      lines.push(`  ✗ ${renderText(problem.text, t)}${flag}`);
    }
  } else {
    const { source, facts } = result.file;
    if (writtenTo) lines.push(`Draft: ${writtenTo}`);
    lines.push(`  ${source.publisher}, ${source.published}: ${source.title}`);
    lines.push(`  ${facts.length} card(s); ${result.dropped.length} sentence(s) dropped`);
    lines.push("");
    for (const card of facts) {
      const tags = [
        card.partners?.length ? `[${card.partners.join(", ")}]` : "[no partner]",
        card.topics?.length ? `{${card.topics.join(", ")}}` : "",
        card.people?.length ? card.people.join(", ") : "",
        card.date ?? "",
      ].filter(Boolean);
      lines.push(`  ${card.id}  ${tags.join("  ")}`);
      lines.push(`      ${card.text}`);
    }
  }
  if (result.dropped.length > 0) {
    lines.push("", "Dropped (no fact found; restore any that has one):");
    for (const sentence of result.dropped) lines.push(`  - ${sentence.text}  (${t(sentence.reason)})`);
  }
  if (result.suggestions.length > 0) {
    lines.push("", `Possible new partners, as written (not added; add to partners.json if they are partners): ${result.suggestions.join(", ")}`);
  }
  if (warnings.length > 0) {
    lines.push("", "Check:");
    for (const problem of warnings) lines.push(`  ! ${renderText(problem.text, t)}`);
  }
  if (result.ok) {
    lines.push("", "Next: rewrite each card in our own words, add text_en, merge or split cards, then move the file into sources/ to publish it.");
  }
  return lines.join("\n");
}
