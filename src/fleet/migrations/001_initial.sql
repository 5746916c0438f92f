-- Knowledge revisions: the whole validated folder as one row, so every replica loads the same
-- knowledge by its number and an editor can see who published what, and when.
CREATE TABLE knowledge_revisions (
  version      integer PRIMARY KEY,
  files        jsonb NOT NULL,           -- {"partners.json": "<text>", "sources/x.json": "<text>", ...}
  published_by text NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now()
);

-- Ingest drafts an admin is reviewing in Telegram.
CREATE TABLE ingest_drafts (
  key        text PRIMARY KEY,
  chat_id    bigint NOT NULL,
  message_id bigint,
  created_at timestamptz NOT NULL,
  draft      jsonb NOT NULL
);
CREATE INDEX ingest_drafts_message ON ingest_drafts (chat_id, message_id);

-- Questions the knowledge did not answer: text and time only, never who asked.
CREATE TABLE unanswered_questions (
  id       bigserial PRIMARY KEY,
  text     text NOT NULL,
  asked_at timestamptz NOT NULL
);
CREATE INDEX unanswered_questions_asked_at ON unanswered_questions (asked_at DESC);
