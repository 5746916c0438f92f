/**
 * Times for the editors, who work in Moscow: the bot's clock is UTC (a server's), so every time an
 * admin reads is turned into Europe/Moscow time and says so.
 */
const MOSCOW_ZONE = "Europe/Moscow";

const parts = new Intl.DateTimeFormat("en-GB", {
  timeZone: MOSCOW_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** "2025-03-01 15:00" for 2025-03-01T12:00Z: the wall-clock time in Moscow, without the zone's name. */
export function moscowTime(at: Date | string): string {
  const date = typeof at === "string" ? new Date(at) : at;
  const value = (type: Intl.DateTimeFormatPartTypes) => parts.formatToParts(date).find((part) => part.type === type)?.value ?? "";
  return `${value("year")}-${value("month")}-${value("day")} ${value("hour")}:${value("minute")}`;
}

/** The Moscow date of a time, "2025-03-01", e.g. for a file name. */
export function moscowDate(at: Date | string): string {
  return moscowTime(at).slice(0, 10);
}
