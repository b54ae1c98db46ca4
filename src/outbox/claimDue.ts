import { randomUUID } from 'node:crypto'
import type { Payload } from 'payload'

import type { DeliveryAction } from '../../channels/contract'
import { maxAttempts } from './backoff'
import {
  isPostgres,
  jsonColumn,
  type Row,
  runLedgerStatement,
  runLedgerTransaction,
  sql,
} from './ledgerSql'
import { claimStatement, pgStatement } from './pgStatements'

/** A delivery this worker holds the lease on, with what an attempt needs to know about it. */
export type ClaimedDelivery = {
  id: number
  leaseToken: string
  /** Attempts so far, this one included (counted at claim). */
  attempts: number
  channel: string
  target: string
  targetName: string | null
  action: DeliveryAction
  itemUid: string
  /** The `ChannelItem` enqueued with the delivery (null for retractions of unknown items). */
  snapshot: unknown
  /**
   * Whether earlier rows of its item × target may hold a receipt or an uncertain copy. False
   * only when the claim knows there are none, so `copyHistories` can skip the lookup.
   */
  hasHistory: boolean
}

export type ClaimOptions = {
  now: Date
  /** How long the claim holds; a worker that dies loses its rows when this passes. */
  leaseMs: number
  limit: number
  /** Channels not to claim for now (paused after a rate limit). */
  skipChannels?: readonly string[]
  /**
   * Whether to mark crash-looping rows dead first (default true). The claim never takes them
   * (an expired lease is reclaimed only while attempts remain), so a busy dispatcher sweeps
   * only now and then: the sweep reads every in-flight row.
   */
  sweepDead?: boolean
}

/**
 * Claims up to `limit` deliveries that are due, in one atomic statement: pending or retrying rows
 * whose time has come, and in-flight rows whose lease has expired (their worker died) and that
 * have attempts left. A row is
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
  const until = new Date(options.now.getTime() + options.leaseMs).toISOString()
  // A row whose every attempt ended with its worker gone (a crash loop) is dead, not retried.
  const sweep = sql`UPDATE deliveries SET status = 'dead', lease_token = NULL, lease_until = NULL,
      updated_at = ${now}, last_error = 'Prosessen som leverte stoppet under hvert forsøk.'
    WHERE status = 'in_flight' AND lease_until < ${now} AND attempts >= ${maxAttempts()}`
  if (isPostgres(payload)) {
    if (options.sweepDead !== false) await runLedgerStatement(payload, sweep)
    const skip = options.skipChannels ?? []
    const { name, text } = claimStatement(options.limit, skip.length > 0)
    const rows = await pgStatement(
      payload,
      name,
      text,
    )(skip.length > 0 ? [now, until, token, skip] : [now, until, token])
    return toClaimedRows(rows, token)
  }
  const skip = options.skipChannels?.length
    ? sql`AND d.channel NOT IN (${sql.join(
        options.skipChannels.map((c) => sql`${c}`),
        sql`, `,
      )})`
    : sql``
  // The partial indexes (migration ledger_claim_indexes) cover exactly these open states; the
  // PostgreSQL twin of this statement is `claimStatement`.
  const rows = await runLedgerTransaction(payload, async (exec) => {
    if (options.sweepDead !== false) await exec(sweep)
    return exec(sql`UPDATE deliveries SET status = 'in_flight', lease_token = ${token},
        lease_until = ${until}, attempts = attempts + 1, updated_at = ${now}
      WHERE id IN (
        SELECT d.id FROM deliveries d
        WHERE d.status IN ('pending', 'retrying', 'in_flight')
          AND ((d.status <> 'in_flight' AND (d.next_attempt_at IS NULL OR d.next_attempt_at <= ${now}))
            OR (d.status = 'in_flight' AND d.lease_until < ${now} AND d.attempts < ${maxAttempts()}))
          ${skip}
          AND NOT EXISTS (
            SELECT 1 FROM deliveries e
            WHERE e.item_uid = d.item_uid AND e.channel = d.channel AND e.target = d.target
              AND e.id < d.id AND e.status IN ('pending', 'in_flight', 'retrying'))
        ORDER BY d.next_attempt_at IS NOT NULL, d.next_attempt_at, d.id
        LIMIT ${options.limit})
      RETURNING id, attempts, channel, target, target_name, action, item_uid, snapshot`)
  })
  return toClaimedRows(rows, token)
}

/**
 * The claimed rows in id order. An item's targets carry the same snapshot: it is parsed once per
 * claim and the rows share the object (adapters only read it). Rows share by text, or on
 * PostgreSQL by item × `snapshot_key`, where only the first (lowest id) row of each carries the
 * text.
 */
function toClaimedRows(rows: Row[], leaseToken: string): ClaimedDelivery[] {
  const snapshots = new Map<string, unknown>()
  const snapshotOf = (row: Row): unknown => {
    const text = typeof row.snapshot === 'string' ? row.snapshot : null
    const key =
      typeof row.snapshot_key === 'string'
        ? `${String(row.item_uid)}\u0000${row.snapshot_key}`
        : text
    if (key === null) return jsonColumn(row.snapshot)
    if (!snapshots.has(key)) {
      if (text === null)
        throw new Error(`Claimed delivery ${String(row.id)} came without its snapshot`)
      snapshots.set(key, jsonColumn(text))
    }
    return snapshots.get(key)
  }
  return [...rows]
    .sort((a, b) => Number(a.id) - Number(b.id))
    .map((row) => toClaimed(row, leaseToken, snapshotOf))
}

function toClaimed(
  row: Row,
  leaseToken: string,
  snapshotOf: (row: Row) => unknown,
): ClaimedDelivery {
  return {
    id: Number(row.id),
    leaseToken,
    attempts: Number(row.attempts),
    channel: String(row.channel),
    target: String(row.target),
    targetName: typeof row.target_name === 'string' ? row.target_name : null,
    action: String(row.action) as DeliveryAction,
    itemUid: String(row.item_uid),
    snapshot: snapshotOf(row),
    // SQLite's claim does not compute it: assume there is history and let the lookup tell.
    hasHistory: row.has_history !== false,
  }
}
