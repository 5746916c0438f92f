import type { Partner } from "../knowledge/types.js";
import type { Lang } from "./types.js";

/** A partner's name for a reader of `lang`: the English name when there is one. */
export function partnerName(partner: Partner, lang: Lang): string {
  return lang === "en" ? (partner.name_en ?? partner.name) : partner.name;
}

export function partnerNames(partners: readonly Partner[], lang: Lang): string[] {
  return partners.map((partner) => partnerName(partner, lang));
}
