import type { Answer, Lang } from "../answer/types.js";
import type { Snapshot } from "../engine/types.js";

/** Answers remembered per snapshot. */
export const CACHED_ANSWERS = 500;
/** Longer questions are seldom asked twice word for word: they are answered afresh. */
const CACHED_QUESTION_CHARS = 300;

/** The snapshot's answer to a question (read after `previous`, when given), remembered when it was asked lately. */
export type AnswerCache = (snapshot: Snapshot, question: string, lang: Lang, previous?: string) => Answer;

/**
 * The same questions come back to a bot: example buttons every user sees, Ещё/More paging through
 * one answer, popular questions, inline queries typed by many. A snapshot never changes, so its
 * answer to a question never does either; a reload brings a new snapshot, and the old one's
 * answers go with it. The least recently asked question is forgotten first.
 */
export function createAnswerCache(entries = CACHED_ANSWERS): AnswerCache {
  const bySnapshot = new WeakMap<Snapshot, Map<string, Answer>>();
  return (snapshot, question, lang, previous) => {
    const options = previous ? { lang, previous } : { lang };
    if (question.length > CACHED_QUESTION_CHARS || entries <= 0) return snapshot.answer(question, options);
    let answers = bySnapshot.get(snapshot);
    if (!answers) {
      answers = new Map();
      bySnapshot.set(snapshot, answers);
    }
    const key = `${lang} ${question}\u0000${previous ?? ""}`;
    let answer = answers.get(key);
    if (answer) answers.delete(key);
    else answer = snapshot.answer(question, options);
    answers.set(key, answer);
    if (answers.size > entries) answers.delete(answers.keys().next().value!);
    return answer;
  };
}
