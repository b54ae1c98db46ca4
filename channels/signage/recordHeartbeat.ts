import type { Payload } from 'payload'

import { inTransaction } from '../../src/public/inTransaction'

/** A player beats every minute; an unchanged report is written at most this often. */
const MIN_WRITE_INTERVAL_MS = 30_000

const lastWritten = new Map<string, { version: string | null; at: number }>()

/**
 * Stores when the screen's player was last seen and which playlist version it shows. Written
 * through the database adapter (no hooks, no document lock, no `updatedAt`): a heartbeat is not
 * an edit of the screen, and an editor's save never touches these fields (they are read-only).
 */
export async function recordHeartbeat(
  payload: Payload,
  beat: { id: string; version: string | null; at: Date },
): Promise<void> {
  const previous = lastWritten.get(beat.id)
  if (
    previous &&
    previous.version === beat.version &&
    beat.at.getTime() - previous.at < MIN_WRITE_INTERVAL_MS &&
    beat.at.getTime() >= previous.at
  ) {
    return
  }
  const data = { lastSeenAt: beat.at.toISOString(), shownVersion: beat.version }
  // In a transaction so it takes this process's turn on SQLite (src/public/inTransaction.ts).
  await inTransaction(payload, (req) =>
    payload.db.updateOne({ collection: 'screens', id: beat.id, data, returning: false, req }),
  )
  lastWritten.set(beat.id, { version: beat.version, at: beat.at.getTime() })
}
