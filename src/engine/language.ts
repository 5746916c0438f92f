import type { Lang } from "../answer/types.js";

/** The answer language follows the question's script: mostly Latin letters → English, otherwise Russian. */
export function detectLanguage(question: string, fallback: Lang = "ru"): Lang {
  let cyrillic = 0;
  let latin = 0;
  for (const char of question) {
    if (/\p{Script=Cyrillic}/u.test(char)) cyrillic++;
    else if (/\p{Script=Latin}/u.test(char)) latin++;
  }
  if (cyrillic === 0 && latin === 0) return fallback;
  return latin > cyrillic ? "en" : "ru";
}
