import type { Lang } from "./types.js";

/**
 * A count with its noun in the right form. Russian has three forms chosen by the last two digits
 * (1 факт, 2 факта, 5 фактов, 11 фактов, 21 факт); English has two. The forms are passed by the
 * caller, so one rule serves every noun and every case («из 21 источника», «из 5 источников»).
 */
export interface NounForms {
  /** 1, 21, 101: факт. */
  one: string;
  /** 2–4, 22–24: факта. */
  few: string;
  /** 0, 5–20, 25–30, 11–14 after any hundred: фактов. */
  many: string;
}

export function russianForm(count: number, forms: NounForms): string {
  const lastTwo = Math.abs(count) % 100;
  const last = lastTwo % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return forms.many;
  if (last === 1) return forms.one;
  if (last >= 2 && last <= 4) return forms.few;
  return forms.many;
}

/** A noun in both reader languages. */
export interface Noun {
  ru: NounForms;
  en: { one: string; other: string };
}

/** "5 фактов", "1 fact", "94 facts". */
export function countOf(count: number, noun: Noun, lang: Lang): string {
  const form = lang === "ru" ? russianForm(count, noun.ru) : count === 1 ? noun.en.one : noun.en.other;
  return `${count} ${form}`;
}
