import { sql } from '@payloadcms/db-sqlite'
import type { Payload, PayloadRequest } from 'payload'

export type SQL = ReturnType<typeof sql>
export type Row = Record<string, unknown>
type PgTx = { execute: (query: SQL) => Promise<{ rows: Row[] }> }
type SqliteTx = { all: (query: SQL) => Promise<Row[]> }
type Sessions = { sessions: Record<string, { db: unknown }> }

/** Runs one statement inside the caller's transaction and returns the rows it returned. */
export type LedgerExec = (query: SQL) => Promise<Row[]>

export { sql }

export function isPostgres(payload: Payload): boolean {
  return payload.db.name === 'postgres'
}

/**
 * Runs ledger statements in one transaction. On SQLite the transaction also takes the process's
 * turn (see serialisedSqliteAdapter), so a raw write never waits inside a synchronous call for a
 * lock its own process holds.
 */
export async function runLedgerTransaction<T>(
  payload: Payload,
  work: (exec: LedgerExec) => Promise<T>,
): Promise<T> {
  const id = await payload.db.beginTransaction()
  if (id === null) throw new Error('The ledger needs a database with transactions.')
  try {
    const tx = (payload.db as unknown as Sessions).sessions[String(id)]?.db
    if (!tx) throw new Error('Transaction session not found')
    const exec: LedgerExec = isPostgres(payload)
      ? async (query) => (await (tx as PgTx).execute(query)).rows
      : (query) => (tx as SqliteTx).all(query)
    const result = await work(exec)
    await payload.db.commitTransaction(id)
    return result
  } catch (err) {
    await payload.db.rollbackTransaction(id)
    throw err
  }
}

/** Runs one ledger statement in its own transaction and returns the rows it returned. */
export function runLedgerStatement(payload: Payload, query: SQL): Promise<Row[]> {
  return runLedgerTransaction(payload, (exec) => exec(query))
}

/**
 * Runs one ledger statement in the request's transaction (an item hook's, so it commits or rolls
 * back with the content write), or in its own when the request has none.
 */
export async function runLedgerStatementIn(
  payload: Payload,
  req: Partial<PayloadRequest> | undefined,
  query: SQL,
): Promise<Row[]> {
  const id = req?.transactionID === undefined ? undefined : await req.transactionID
  const tx =
    id === undefined ? undefined : (payload.db as unknown as Sessions).sessions[String(id)]?.db
  if (!tx) return runLedgerStatement(payload, query)
  return isPostgres(payload)
    ? (await (tx as PgTx).execute(query)).rows
    : (tx as SqliteTx).all(query)
}

/** A JSON column as stored: an object on PostgreSQL (jsonb), text on SQLite. */
export function jsonColumn(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? null
  try {
    return JSON.parse(value) as unknown
  } catch {
    return null
  }
}
