import type { SettleEntry } from './settleDelivery'
import type { DeliveryStatus } from './deliveryStates'
import { type SQL, sql } from './ledgerSql'
import type { Settlement } from './settleDelivery'

type Next = { status: DeliveryStatus; nextAttemptAt?: Date }

/** One settlement's new column values (the receipt as an object: each database encodes it). */
function columns({ claimed, settlement, ctx }: SettleEntry, next: Next) {
  const now = ctx.now.toISOString()
  const receipt = settlement.outcome === 'delivered' ? settlement.receipt : undefined
  return {
    id: claimed.id,
    token: claimed.leaseToken,
    status: next.status,
    next_at: next.nextAttemptAt?.toISOString() ?? null,
    now,
    code: settlement.statusCode ?? null,
    error: errorText(settlement),
    delivered_at: settlement.outcome === 'delivered' ? now : null,
    receipt: receipt ?? null,
    external_id: receipt?.externalId ?? null,
    external_url: receipt?.externalUrl ?? null,
  }
}

/**
 * SQLite: the statements that move settled deliveries on, one per row (in process, a statement
 * costs no round trip), each returning the id it changed. A row changes only while the settling
 * worker still holds its lease.
 */
export function settleStatements(entries: readonly SettleEntry[], nexts: readonly Next[]): SQL[] {
  return entries.map((entry, i) => {
    const c = columns(entry, nexts[i] ?? { status: 'dead' })
    const receipt = c.receipt ? JSON.stringify(c.receipt) : null
    return sql`UPDATE deliveries SET status = ${c.status}, next_attempt_at = ${c.next_at},
          lease_token = NULL, lease_until = NULL, updated_at = ${c.now},
          last_status_code = ${c.code}, last_error = ${c.error}, delivered_at = ${c.delivered_at},
          receipt = COALESCE(${receipt}, receipt),
          external_id = COALESCE(${c.external_id}, external_id),
          external_url = COALESCE(${c.external_url}, external_url)
        WHERE id = ${c.id} AND lease_token = ${c.token} AND status = 'in_flight'
        RETURNING id`
  })
}

/**
 * PostgreSQL: the one parameter of `SETTLE_SQL`, a JSON array with an object per settlement
 * (the attempt log's columns included), so a batch of any size is one prepared statement.
 */
export function settleParameters(
  entries: readonly SettleEntry[],
  nexts: readonly Next[],
): [string] {
  const rows = entries.map((entry, i) => {
    const { claimed, settlement, ctx } = entry
    return {
      ...columns(entry, nexts[i] ?? { status: 'dead' }),
      attempt: claimed.attempts,
      started_at: ctx.startedAt.toISOString(),
      duration_ms: ctx.now.getTime() - ctx.startedAt.getTime(),
      outcome: settlement.outcome,
      worker: ctx.worker,
    }
  })
  return [JSON.stringify(rows)]
}

/** One `delivery-attempts` row per settlement, in one statement. */
export function attemptsInsert(entries: readonly SettleEntry[]): SQL {
  return sql`INSERT INTO delivery_attempts (delivery_id, attempt, started_at, duration_ms,
      status_code, outcome, error, worker, updated_at, created_at)
    VALUES ${sql.join(entries.map(attemptValues), sql`, `)}`
}

function attemptValues({ claimed, settlement, ctx }: SettleEntry): SQL {
  const now = ctx.now.toISOString()
  return sql`(${claimed.id}, ${claimed.attempts}, ${ctx.startedAt.toISOString()},
    ${ctx.now.getTime() - ctx.startedAt.getTime()}, ${settlement.statusCode ?? null},
    ${settlement.outcome}, ${errorText(settlement)}, ${ctx.worker}, ${now}, ${now})`
}

function errorText(settlement: Settlement): string | null {
  return settlement.outcome === 'delivered' ? null : settlement.error.slice(0, 2000)
}
