import type { Payload, PayloadRequest } from 'payload'

/**
 * Runs `work` in one database transaction, handing it the `req` that carries it. The pull
 * channels write through the database adapter, and on SQLite a write outside a transaction
 * would not take the process's turn (src/db/serialisedSqliteAdapter.ts) and could meet a lock
 * its own process holds.
 */
export async function inTransaction<T>(
  payload: Payload,
  work: (req: Partial<PayloadRequest>) => Promise<T>,
): Promise<T> {
  const id = await payload.db.beginTransaction()
  if (id === null) return work({})
  try {
    const result = await work({ transactionID: id })
    await payload.db.commitTransaction(id)
    return result
  } catch (err) {
    await payload.db.rollbackTransaction(id)
    throw err
  }
}
