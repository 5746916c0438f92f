import { mkdir, readdir, writeFile } from "node:fs/promises";
import { userInfo } from "node:os";
import path from "node:path";
import { config as loadDotenv } from "dotenv";
import { connectPostgres, migrate } from "../fleet/postgres.js";
import { KNOWLEDGE_CHANNEL } from "../fleet/knowledge-sync.js";
import { connectRedis } from "../fleet/redis.js";
import { createKnowledgeRevisions } from "../fleet/revisions.js";
import { readKnowledgeFiles } from "../knowledge/load.js";
import { parseKnowledge } from "../knowledge/parse.js";
import { formatProblem } from "../knowledge/types.js";
import { translator } from "../i18n/i18n.js";
import { createLogger } from "../lib/logger.js";

/** The command line speaks English; the texts are the bot's own (locales/en.ftl). */
const english = translator("en");

/**
 * The fleet's knowledge from the command line, for editors who keep it in git:
 *   npm run knowledge -- push DIR [--by NAME]   validates the folder and stores it as the next revision
 *   npm run knowledge -- pull DIR               writes the newest revision (drafts published in Telegram included) into a new folder
 * Uses DATABASE_URL and DATABASE_SCHEMA; with REDIS_URL (and REDIS_KEY_PREFIX) a push is announced
 * to the replicas at once, otherwise they find it by polling within seconds.
 */
const USAGE = "usage: npm run knowledge -- push DIR [--by NAME] | pull DIR";
loadDotenv({ quiet: true });
const [command, dirArg, ...rest] = process.argv.slice(2);
if ((command !== "push" && command !== "pull") || !dirArg) exit(2, USAGE);
const byIndex = rest.indexOf("--by");
const by = byIndex >= 0 ? rest[byIndex + 1] : `knowledge push (${userInfo().username})`;
if (!by || rest.length !== (byIndex >= 0 ? 2 : 0)) exit(2, USAGE);
const databaseUrl = process.env.DATABASE_URL?.trim();
if (!databaseUrl) exit(2, "DATABASE_URL is not set: it names the fleet's PostgreSQL (postgres://user@host:5432/database)");
const schema = process.env.DATABASE_SCHEMA?.trim() || "public";
const dir = path.resolve(dirArg);
const logger = createLogger({ level: "warn" });

const pool = connectPostgres({ url: databaseUrl, schema, logger });
try {
  await migrate(pool, schema);
  const revisions = createKnowledgeRevisions(pool);
  if (command === "pull") {
    const revision = await revisions.latest();
    if (!revision) exit(1, "no knowledge revision is stored yet");
    if ((await readdir(dir).catch(() => [])).length > 0) exit(1, `${dir} is not empty: pull writes into a new or empty folder, so nothing of yours is overwritten`);
    for (const [file, text] of Object.entries(revision.files)) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), text);
    }
    console.log(`${dir}: revision ${revision.version} (${Object.keys(revision.files).length} files), published by ${revision.publishedBy} at ${revision.publishedAt.toISOString()}`);
  } else {
    const files = await readKnowledgeFiles(dir);
    const checked = parseKnowledge(files);
    if (!checked.ok) {
      console.error(`${dir}: ${checked.problems.length} problem(s); nothing was stored`);
      for (const problem of checked.problems) console.error(`  ${formatProblem(problem, english)}`);
      exit(1);
    }
    let version: number | undefined;
    while (version === undefined) version = await revisions.add(files.texts, by, await revisions.latestVersion());
    console.log(`${dir}: stored as knowledge revision ${version} (${checked.knowledge.cards.length} cards, ${checked.knowledge.sources.length} sources)`);
    const redisUrl = process.env.REDIS_URL?.trim();
    if (redisUrl) {
      const prefix = process.env.REDIS_KEY_PREFIX?.trim() || "mpb:";
      const redis = connectRedis({ url: redisUrl, keyPrefix: prefix, logger, role: "knowledge push" });
      await redis.connect().then(() => redis.publish(`${prefix}${KNOWLEDGE_CHANNEL}`, String(version))).catch(() => console.error("could not announce it on Redis; the replicas find it by polling"));
      redis.disconnect();
    }
  }
} finally {
  await pool.end();
}

function exit(code: number, message?: string): never {
  if (message) (code === 0 ? console.log : console.error)(message);
  process.exit(code);
}
