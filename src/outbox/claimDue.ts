import { randomUUID } from 'node:crypto'
import type { Payload } from 'payload'

import { maxAttempts } from './backoff'
import { isPostgres, runLedgerStatement, sql } from './ledgerSql'

export type ClaimedDelivery = { id: number; leaseToken: string; attempts: number }

export type ClaimOptions = {
  now: Date
  /** How long the claim holds; a worker that dies loses its rows when this passes. */
  leaseMs: number
  limit: number
}

/**
 * Claims up to `limit` deliveries that are due, in one atomic statement: pending or retrying rows
 * whose time has come, and in-flight rows whose lease has expired (their worker died). A row is
 * due only when no earlier row for the same item × channel × target is still open, so a
 * retraction never overtakes the publish it retracts. The attempt is counted here, at claim,
 * so a worker that dies mid-attempt still used it up.
 */
export async function claimDue(
  payload: Payload,
  options: ClaimOptions,
): Promise<ClaimedDelivery[]> {
  const token = randomUUID()
  const now = options.now.toISOString()
  // A row whose every attempt ended with its worker gone (a crash loop) is dead, not retried forever.
  await runLedgerStatement(
    payload,
    sql`UPDATE deliveries SET status = 'dead', lease_token = NULL, lease_until = NULL, updated_at = ${now},
          last_error = 'Prosessen som leverte stoppet under hvert forsøk.'
        WHERE status = 'in_flight' AND lease_until < ${now} AND attempts >= ${maxAttempts()}
        RETURNING id`,
  )
  const until = new Date(options.now.getTime() + options.leaseMs).toISOString()
  const due = sql`
    ((d.status IN ('pending', 'retrying') AND (d.next_attempt_at IS NULL OR d.next_attempt_at <= ${now}))
      OR (d.status = 'in_flight' AND d.lease_until < ${now}))
    AND NOT EXISTS (
      SELECT 1 FROM deliveries e
      WHERE e.item_uid = d.item_uid AND e.channel = d.channel AND e.target = d.target
        AND e.id < d.id AND e.status IN ('pending', 'in_flight', 'retrying'))`
  const rows = isPostgres(payload)
    ? await runLedgerStatement(
        payload,
        sql`WITH due AS (
              SELECT d.id FROM deliveries d WHERE ${due}
              ORDER BY d.next_attempt_at NULLS FIRST, d.id
              LIMIT ${options.limit}
              FOR UPDATE OF d SKIP LOCKED)
            UPDATE deliveries SET status = 'in_flight', lease_token = ${token},
              lease_until = ${until}, attempts = deliveries.attempts + 1, updated_at = ${now}
            FROM due WHERE deliveries.id = due.id
            RETURNING deliveries.id AS id, deliveries.attempts AS attempts`,
      )
    : await runLedgerStatement(
        payload,
        sql`UPDATE deliveries SET status = 'in_flight', lease_token = ${token},
              lease_until = ${until}, attempts = attempts + 1, updated_at = ${now}
            WHERE id IN (
              SELECT d.id FROM deliveries d WHERE ${due}
              ORDER BY d.next_attempt_at IS NOT NULL, d.next_attempt_at, d.id
              LIMIT ${options.limit})
            RETURNING id, attempts`,
      )
  return rows.map((row) => ({
    id: Number(row.id),
    leaseToken: token,
    attempts: Number(row.attempts),
  }))
}
