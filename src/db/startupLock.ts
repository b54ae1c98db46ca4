import type { Payload } from 'payload'

import { databaseKind, databaseUrl } from '../config/env'
import { withLockFile } from './lockFile'

/** Arbitrary but fixed: every hub process on one PostgreSQL database takes the same lock. */
const ADVISORY_LOCK_KEY = 7_420_001

type PgPool = {
  connect: () => Promise<{
    query: (sql: string, params?: unknown[]) => Promise<unknown>
    release: () => void
  }>
}

/**
 * Runs `fn` while holding the one start-up lock for this database, so processes that start at
 * the same time migrate and seed one after the other. PostgreSQL: a session advisory lock.
 * SQLite: a lock file beside the database. MongoDB: no lock (no migrations, seeding is upsert).
 */
export async function withStartupLock<T>(payload: Payload, fn: () => Promise<T>): Promise<T> {
  switch (databaseKind()) {
    case 'postgres':
      return withAdvisoryLock(payload, fn)
    case 'sqlite':
      return withLockFile(`${databaseUrl().replace(/^file:/, '')}.startup-lock`, fn)
    case 'mongodb':
      return fn()
  }
}

async function withAdvisoryLock<T>(payload: Payload, fn: () => Promise<T>): Promise<T> {
  const pool = (payload.db as unknown as { pool: PgPool }).pool
  const client = await pool.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK_KEY])
    try {
      return await fn()
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK_KEY])
    }
  } finally {
    client.release()
  }
}
