import { t } from "../i18n/i18n.js";
import { dateVariables } from "./dates.js";
import type { Lang, ListQuery } from "./types.js";
import type { PartnerStatus } from "../knowledge/types.js";

/**
 * A partnership's status with its date, the one wording every surface uses: «прекращено с мая
 * 2016 года» (the status holds from that date on, as a legal text would put it); "ended in May
 * 2016", "ended on 2 March 2022" (a day takes "on", a month or a year "in"), "suspended since …".
 */
export function statusPhrase(status: PartnerStatus, lang: Lang): string {
  return t(lang, "partnership-status", { state: status.state, ...(dateVariables(status.since) ?? { precision: "year", year: status.since }) });
}

/** The first line of a list answer: what it lists and how many. `partner`: the partner's name for a documents or year list. */
export function listHeading(query: ListQuery, count: number, partner: string | undefined, lang: Lang): string {
  switch (query.type) {
    case "partners": {
      const which = query.status ?? "all";
      const place = query.region ? t(lang, "region-in-answer", { region: query.region }) : query.country;
      return place ? t(lang, "list-partners-in", { which, place, count }) : t(lang, "list-partners", { which, count });
    }
    case "documents":
      return t(lang, "list-documents", { partner: partner ?? "", count });
    case "events":
      return t(lang, "list-events", { event: query.event ?? "", count });
    case "year":
      if (query.event !== undefined) return t(lang, "list-year-event", { year: String(query.year), event: query.event, count });
      if (query.until !== undefined) {
        const span = { from: String(query.year), until: String(query.until), count };
        return partner ? t(lang, "list-years-partner", { ...span, partner }) : t(lang, "list-years", span);
      }
      return partner ? t(lang, "list-year-partner", { year: String(query.year), partner, count }) : t(lang, "list-year", { year: String(query.year), count });
  }
}
