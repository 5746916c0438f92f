import type { I18nFlavor } from "@grammyjs/i18n";
import type { Context } from "grammy";
import type { Lang } from "../answer/types.js";
import type { KnowledgeStore } from "../engine/store.js";
import type { Logger } from "../lib/logger.js";
import type { AnswerCache } from "./answer-cache.js";
import type { DraftStore } from "./draft-store.js";
import type { InlineMisses } from "./inline-misses.js";
import type { Conversations } from "./conversations.js";
import type { KnowledgeUpdates } from "./knowledge-updates.js";
import type { QuestionMemory } from "./question-memory.js";
import type { Stats } from "./stats.js";
import type { UnansweredStore } from "./unanswered-store.js";

/** What the bot needs from the rest of the program; tests pass their own. */
export interface BotDeps {
  store: KnowledgeStore;
  logger: Logger;
  stats: Stats;
  unanswered: UnansweredStore;
  adminIds: ReadonlySet<number>;
  /** Questions behind "More" buttons (in memory, bounded). */
  questions: QuestionMemory;
  /** Each chat's last question, for follow-ups (in memory, bounded, expiring). */
  conversations: Conversations;
  /** Inline queries that found nothing, held until the user stops typing (flushed at shutdown). */
  inlineMisses: InlineMisses;
  /** How /reload and a published draft change the knowledge served (a folder, or a fleet's revisions). */
  knowledgeUpdates: KnowledgeUpdates;
  /** The editors' /ingest flow; absent where the knowledge is not to be changed from the bot. */
  ingest?: { drafts: DraftStore };
}

export interface BotContextFlavor {
  /** The interface language for this update: English when the user's Telegram is in English. */
  lang: Lang;
  deps: BotDeps;
  /** Every surface asks the engine through this, so a question asked again costs nothing. */
  answer: AnswerCache;
}

export type BotContext = Context & BotContextFlavor & I18nFlavor;
