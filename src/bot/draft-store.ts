import { z } from "zod";
import { sourceFileSchema } from "../knowledge/schema.js";
import type { SourceFile } from "../knowledge/schema.js";
import { isIngestText } from "../ingest/texts.js";
import type { IngestText } from "../ingest/texts.js";
import type { Logger } from "../lib/logger.js";
import { createStateFile } from "../lib/state-file.js";

/** An ingest draft an admin is reviewing in Telegram. */
export interface Draft {
  key: string;
  adminId: number;
  chatId: number;
  /** The bot's message that shows the draft; replies to it edit cards. */
  messageId?: number;
  createdAt: string;
  file: SourceFile;
  suggestions: string[];
  /** The drafting notes to check, rendered in the reader's language each time the draft is shown. */
  warnings: IngestText[];
}

/** Asynchronous because a fleet keeps drafts in PostgreSQL, where the next press may come to another replica. */
export interface DraftStore {
  load(): Promise<void>;
  put(draft: Draft): Promise<void>;
  get(key: string): Promise<Draft | undefined>;
  byMessage(chatId: number, messageId: number): Promise<Draft | undefined>;
  remove(key: string): Promise<void>;
  flush(): Promise<void>;
}

/** Drafts beyond this many, or older than a week, are forgotten: a review is a matter of days. */
export const MAX_DRAFTS = 50;
const MAX_AGE_MS = 7 * 24 * 3600 * 1000;

const draftSchema = z.object({
  key: z.string(),
  adminId: z.number(),
  chatId: z.number(),
  messageId: z.number().optional(),
  createdAt: z.string(),
  file: sourceFileSchema,
  suggestions: z.array(z.string()),
  // Drafts stored before the notes were keyed texts hold English sentences: those notes are let go
  // (they are advice; the cards are the draft), the draft is kept.
  warnings: z.array(z.unknown()).transform((notes) => notes.filter(isIngestText)),
});
const fileSchema = z.object({ drafts: z.array(draftSchema) });

/** A draft as stored elsewhere (a database row), checked like the file's. */
export function parseDraft(value: unknown): Draft {
  return draftSchema.parse(value) as Draft;
}

/** Drafts in progress, kept in DATA_DIR so a restart loses none. */
export function createDraftStore(file: string, logger: Pick<Logger, "warn" | "error">, now = () => Date.now()): DraftStore {
  let drafts: Draft[] = [];
  const state = createStateFile(file, fileSchema, () => ({ drafts }), logger, "ingest drafts");
  const fresh = (draft: Draft): boolean => now() - Date.parse(draft.createdAt) < MAX_AGE_MS;

  return {
    async load() {
      drafts = ((await state.read())?.drafts ?? []).filter(fresh).slice(-MAX_DRAFTS) as Draft[];
    },
    async put(draft) {
      drafts = [...drafts.filter((other) => other.key !== draft.key && fresh(other)), draft].slice(-MAX_DRAFTS);
      state.save();
    },
    get: async (key) => drafts.find((draft) => draft.key === key),
    byMessage: async (chatId, messageId) => drafts.find((draft) => draft.chatId === chatId && draft.messageId === messageId),
    async remove(key) {
      drafts = drafts.filter((draft) => draft.key !== key);
      state.save();
    },
    flush: () => state.flush(),
  };
}
