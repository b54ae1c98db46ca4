import { sql } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

type SQL = ReturnType<typeof sql>
type Row = Record<string, unknown>
type PgTx = { execute: (query: SQL) => Promise<{ rows: Row[] }> }
type SqliteTx = { all: (query: SQL) => Promise<Row[]> }
type Sessions = { sessions: Record<string, { db: unknown }> }

export { sql }

export function isPostgres(payload: Payload): boolean {
  return payload.db.name === 'postgres'
}

/**
 * Runs one ledger statement in its own transaction and returns the rows it returned. On SQLite
 * the transaction also takes the process's turn (see serialisedSqliteAdapter), so a raw write
 * never waits inside a synchronous call for a lock its own process holds.
 */
export async function runLedgerStatement(payload: Payload, query: SQL): Promise<Row[]> {
  const id = await payload.db.beginTransaction()
  if (id === null) throw new Error('The ledger needs a database with transactions.')
  try {
    const tx = (payload.db as unknown as Sessions).sessions[String(id)]?.db
    if (!tx) throw new Error('Transaction session not found')
    const rows = isPostgres(payload)
      ? (await (tx as PgTx).execute(query)).rows
      : await (tx as SqliteTx).all(query)
    await payload.db.commitTransaction(id)
    return rows
  } catch (err) {
    await payload.db.rollbackTransaction(id)
    throw err
  }
}
