import type { Lang } from "./types.js";

const RU_MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"];
// A month with no day reads in the nominative: «в сентябре 2025» is phrasing, «сентябрь 2025» is a date.
const RU_MONTHS_ALONE = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"];
const EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * "2025-12-03" → "3 декабря 2025" / "3 December 2025"; "2025-12" → "декабрь 2025" / "December 2025";
 * "2025" stays "2025". Written out by hand: no dependence on the ICU data Node was built with.
 */
export function formatDate(iso: string, lang: Lang): string {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  if (month === undefined) return year!;
  const index = Number(month) - 1;
  if (day === undefined) {
    const name = (lang === "ru" ? RU_MONTHS_ALONE : EN_MONTHS)[index];
    return name ? `${name} ${year}` : iso;
  }
  const name = (lang === "ru" ? RU_MONTHS : EN_MONTHS)[index];
  return name ? `${Number(day)} ${name} ${year}` : iso;
}

/**
 * A Russian date in the genitive, as it reads after «с» (since): "2 марта 2022 года",
 * "мая 2016 года", "2014 года". Another language's phrasing needs no case, so only Russian has this.
 */
export function formatDateGenitiveRu(iso: string): string {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  const name = month === undefined ? undefined : RU_MONTHS[Number(month) - 1];
  if (month !== undefined && !name) return iso;
  return [day === undefined ? undefined : String(Number(day)), name, year, "года"].filter((part) => part !== undefined).join(" ");
}
