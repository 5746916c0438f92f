import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import type { Logger } from "../lib/logger.js";

export type Pool = pg.Pool;

export interface PostgresOptions {
  url: string;
  /** Every table lives in this schema (created if missing), so several bots or test runs share one database. */
  schema: string;
  logger: Pick<Logger, "warn">;
}

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");
/** Any fixed number: replicas starting together take turns running the migrations. */
const MIGRATION_LOCK = 7_141_023;

/**
 * A small pool whose queries fail fast when PostgreSQL is out of reach (2 s to connect, 5 s per
 * statement), so an update is answered 503 rather than held; the pool reconnects by itself.
 */
export function connectPostgres({ url, schema, logger }: PostgresOptions): Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: 5,
    connectionTimeoutMillis: 2_000,
    statement_timeout: 5_000,
    idleTimeoutMillis: 30_000,
    options: `-c search_path=${quoteIdentifier(schema)}`,
  });
  // An idle client losing its server emits here; without a listener Node would crash the process.
  pool.on("error", (error) => logger.warn({ error: error.message }, "PostgreSQL connection lost; it reconnects on the next query"));
  return pool;
}

/**
 * Runs the versioned SQL files in src/fleet/migrations not yet applied, in name order, each in
 * its own transaction, under an advisory lock so replicas starting together never race.
 * Plain SQL keeps the schema readable; there are few enough migrations for this to be all we need.
 */
export async function migrate(pool: Pool, schema: string): Promise<string[]> {
  const names = (await readdir(MIGRATIONS_DIR)).filter((name) => /^\d{3}_[a-z0-9_]+\.sql$/.test(name)).sort();
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
      await client.query("CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
      const applied = new Set((await client.query<{ name: string }>("SELECT name FROM schema_migrations")).rows.map((row) => row.name));
      const run: string[] = [];
      for (const name of names.filter((candidate) => !applied.has(candidate))) {
        const sql = await readFile(path.join(MIGRATIONS_DIR, name), "utf8");
        await client.query("BEGIN");
        try {
          await client.query(sql);
          await client.query("INSERT INTO schema_migrations (name) VALUES ($1)", [name]);
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK");
          throw new Error(`migration ${name} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
        }
        run.push(name);
      }
      return run;
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
