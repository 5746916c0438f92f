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

-- Questions the knowledge did not answer, repeats merged (the same once case, spaces and
-- punctuation are set aside: question_key): text and times only, never who asked.
CREATE TABLE unanswered_questions (
  question_key text PRIMARY KEY,
  text         text NOT NULL,              -- as it was last asked
  asked_at     timestamptz NOT NULL,       -- last asked
  first_at     timestamptz NOT NULL,
  count        integer NOT NULL
);
CREATE INDEX unanswered_questions_asked_at ON unanswered_questions (asked_at DESC);
