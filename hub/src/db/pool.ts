import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';

export type Pool = pg.Pool;
export type Client = pg.PoolClient;

// bigint columns (event ids, ms times, counts) come back as numbers: they stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
// Dates stay the local dates they are (YYYY-MM-DD), never shifted through a JavaScript Date.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export function createPool(databaseUrl: string): Pool {
  return new pg.Pool({ connectionString: databaseUrl, max: 8 });
}

const migrationsDir = new URL('./migrations/', import.meta.url);

/** Runs the numbered migrations not yet applied, each in its own transaction, under one advisory lock. */
export async function migrate(pool: Pool): Promise<number[]> {
  const files = readdirSync(migrationsDir)
    .filter((f) => /^\d{3}_.+\.sql$/.test(f))
    .sort();
  const client = await pool.connect();
  const applied: number[] = [];
  try {
    await client.query('SELECT pg_advisory_lock(7310001)');
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    for (const f of files) {
      const version = Number(f.slice(0, 3));
      if (done.has(version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(readFileSync(new URL(f, migrationsDir), 'utf8'));
        await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      }
      applied.push(version);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(7310001)').catch(() => undefined);
    client.release();
  }
  return applied;
}

/** Runs `fn` in one transaction on one connection. */
export async function inTransaction<T>(pool: Pool, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}
