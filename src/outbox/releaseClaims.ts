import type { Payload } from 'payload'

import type { ClaimedDelivery } from './claimDue'
import { isPostgres, runLedgerStatement, sql } from './ledgerSql'

/**
 * Undoes the claim of deliveries that were never attempted: the attempt counted at claim is
 * taken back, the lease dropped, and each row is due again, as `pending` or, if it had attempts
 * before, `retrying`: at once, or at `dueAt` (the end of its channel's pause). Only rows still
 * held under the claim's lease change. Returns the ids given back.
 */
export async function releaseClaims(
  payload: Payload,
  deliveries: readonly ClaimedDelivery[],
  now: Date,
  dueAt?: Date,
): Promise<number[]> {
  const due = dueAt ? sql`, next_attempt_at = ${dueAt.toISOString()}` : sql``
  // PostgreSQL stores the status as an enum, and a CASE of string literals is text.
  const status = isPostgres(payload) ? sql.raw('::enum_deliveries_status') : sql.raw('')
  const released: number[] = []
  for (const [token, ids] of byLeaseToken(deliveries)) {
    const rows = await runLedgerStatement(
      payload,
      sql`UPDATE deliveries
        SET status = (CASE WHEN attempts > 1 THEN 'retrying' ELSE 'pending' END)${status},
          attempts = attempts - 1, lease_token = NULL, lease_until = NULL,
          updated_at = ${now.toISOString()}${due}
        WHERE id IN (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )}) AND lease_token = ${token} AND status = 'in_flight'
        RETURNING id`,
    )
    released.push(...rows.map((row) => Number(row.id)))
  }
  return released
}

function byLeaseToken(deliveries: readonly ClaimedDelivery[]): Map<string, number[]> {
  const groups = new Map<string, number[]>()
  for (const { id, leaseToken } of deliveries) {
    groups.set(leaseToken, [...(groups.get(leaseToken) ?? []), id])
  }
  return groups
}
