import type { Payload } from 'payload'

import { runLedgerStatement, sql } from './ledgerSql'

export type OperatorResult = { changed: boolean; status?: string }

/**
 * Redrive: a dead or cancelled delivery goes back in the queue to be tried now, with a fresh set
 * of attempts. Only rows that are not already on their way change; the answer says whether it did.
 */
export async function redriveDelivery(
  payload: Payload,
  id: number,
  now: Date,
): Promise<OperatorResult> {
  const rows = await runLedgerStatement(
    payload,
    sql`UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = ${now.toISOString()},
          lease_token = NULL, lease_until = NULL, updated_at = ${now.toISOString()}
        WHERE id = ${id} AND status IN ('dead', 'cancelled')
        RETURNING status`,
  )
  return rows.length > 0 ? { changed: true, status: 'pending' } : { changed: false }
}

/** Cancel: a delivery that has not gone out yet never will. One in flight finishes its attempt. */
export async function cancelDelivery(
  payload: Payload,
  id: number,
  now: Date,
): Promise<OperatorResult> {
  const rows = await runLedgerStatement(
    payload,
    sql`UPDATE deliveries SET status = 'cancelled', next_attempt_at = NULL, updated_at = ${now.toISOString()}
        WHERE id = ${id} AND status IN ('pending', 'retrying')
        RETURNING status`,
  )
  return rows.length > 0 ? { changed: true, status: 'cancelled' } : { changed: false }
}
