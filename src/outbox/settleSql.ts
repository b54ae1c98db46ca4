import type { SettleEntry } from './settleDelivery'
import type { DeliveryStatus } from './deliveryStates'
import { type SQL, sql } from './ledgerSql'
import type { Settlement } from './settleDelivery'

type Next = { status: DeliveryStatus; nextAttemptAt?: Date }

/** One settlement's new column values, in the order of `COLUMNS`. */
function values({ claimed, settlement, ctx }: SettleEntry, next: Next): unknown[] {
  const now = ctx.now.toISOString()
  const receipt = settlement.outcome === 'delivered' ? settlement.receipt : undefined
  return [
    claimed.id,
    claimed.leaseToken,
    next.status,
    next.nextAttemptAt?.toISOString() ?? null,
    now,
    settlement.statusCode ?? null,
    errorText(settlement),
    settlement.outcome === 'delivered' ? now : null,
    receipt ? JSON.stringify(receipt) : null,
    receipt?.externalId ?? null,
    receipt?.externalUrl ?? null,
  ]
}

/**
 * The statements that move settled deliveries on, each returning the ids it changed. A row
 * changes only while the settling worker still holds its lease. PostgreSQL takes the whole batch
 * in one statement; SQLite, in process, one statement per row costs no round trip.
 */
export function settleStatements(
  entries: readonly SettleEntry[],
  nexts: readonly Next[],
  postgres: boolean,
): SQL[] {
  const rows = entries.map((entry, i) => values(entry, nexts[i] ?? { status: 'dead' }))
  if (postgres) {
    const list = sql.join(
      rows.map(
        (row) =>
          sql`(${sql.join(
            row.map((v) => sql`${v}`),
            sql`, `,
          )})`,
      ),
      sql`, `,
    )
    return [
      sql`UPDATE deliveries d SET status = v.status::enum_deliveries_status,
            next_attempt_at = v.next_at::timestamptz, lease_token = NULL, lease_until = NULL,
            updated_at = v.now::timestamptz, last_status_code = v.code::numeric,
            last_error = v.error, delivered_at = v.delivered_at::timestamptz,
            receipt = COALESCE(v.receipt::jsonb, d.receipt),
            external_id = COALESCE(v.external_id, d.external_id),
            external_url = COALESCE(v.external_url, d.external_url)
          FROM (VALUES ${list}) AS v(id, token, status, next_at, now, code, error, delivered_at,
            receipt, external_id, external_url)
          WHERE d.id = v.id::integer AND d.lease_token = v.token AND d.status = 'in_flight'
          RETURNING d.id`,
    ]
  }
  return rows.map(
    ([
      id,
      token,
      status,
      nextAt,
      now,
      code,
      error,
      deliveredAt,
      receipt,
      externalId,
      externalUrl,
    ]) =>
      sql`UPDATE deliveries SET status = ${status}, next_attempt_at = ${nextAt},
            lease_token = NULL, lease_until = NULL, updated_at = ${now},
            last_status_code = ${code}, last_error = ${error}, delivered_at = ${deliveredAt},
            receipt = COALESCE(${receipt}, receipt),
            external_id = COALESCE(${externalId}, external_id),
            external_url = COALESCE(${externalUrl}, external_url)
          WHERE id = ${id} AND lease_token = ${token} AND status = 'in_flight'
          RETURNING id`,
  )
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
