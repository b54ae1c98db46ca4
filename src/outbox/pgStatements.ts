import type { Payload } from 'payload'

import { maxAttempts } from './backoff'
import type { Row } from './ledgerSql'

/** The PostgreSQL adapter's `pg` pool, as far as the outbox uses it. */
export type AdapterPool = {
  query: (
    config: string | { name: string; text: string; values: unknown[] },
  ) => Promise<{ rows: Row[] }>
  connect: () => Promise<AdapterPoolClient>
}

export type AdapterPoolClient = {
  query: (text: string) => Promise<unknown>
  on: (event: 'notification' | 'error' | 'end', listener: (arg?: unknown) => void) => unknown
  release: (err?: Error | boolean) => void
}

/** The adapter's pool on PostgreSQL; undefined on the other databases. */
export function adapterPool(payload: Payload): AdapterPool | undefined {
  return (payload.db as unknown as { pool?: AdapterPool }).pool
}

/**
 * The dispatcher's hot statements on PostgreSQL, sent as named prepared statements straight to
 * the adapter's pool. Each is one statement, so it is its own transaction: no BEGIN/COMMIT round
 * trips, and PostgreSQL parses and plans each text once per connection instead of per call.
 * Their texts are constant (lists travel as arrays), which is what makes them preparable.
 */
export function pgStatement(
  payload: Payload,
  name: string,
  text: string,
): (values: unknown[]) => Promise<Row[]> {
  const pool = adapterPool(payload)
  if (!pool) throw new Error('pgStatement needs the PostgreSQL adapter')
  return async (values) => (await pool.query({ name, text, values })).rows
}

/**
 * Open rows that are due, claimed with a lease; `$1` now, `$2` lease until, `$3` token, and
 * with `skipChannels` `$4` the channels not to claim for.
 *
 * Rows with the same snapshot (an item's targets; `snapshot_key`, migration
 * ledger_snapshot_key) carry its text only on the first of them: the rest come back with NULL.
 *
 * The limit is part of the text (one prepared statement per limit): with `LIMIT $n` the
 * planner's generic plan cannot know that only a few rows are wanted and picks a sequential scan
 * and a sort, so PostgreSQL planned every call afresh instead. The channel filter is left out
 * unless a channel is paused, for the same reason (an unknown array hides its selectivity).
 */
export function claimStatement(
  limit: number,
  skipChannels: boolean,
): { name: string; text: string } {
  const n = Math.max(1, Math.min(1000, Math.floor(limit)))
  return {
    name: `hub_claim_${n}${skipChannels ? '_skip' : ''}`,
    text: `WITH due AS (
    SELECT d.id FROM deliveries d
    WHERE d.status IN ('pending', 'retrying', 'in_flight')
      AND ((d.status <> 'in_flight' AND (d.next_attempt_at IS NULL OR d.next_attempt_at <= $1::timestamptz))
        OR (d.status = 'in_flight' AND d.lease_until < $1::timestamptz
          AND d.attempts < ${maxAttempts()}))
      ${skipChannels ? 'AND d.channel <> ALL($4::text[])' : ''}
      AND NOT EXISTS (
        SELECT 1 FROM deliveries e
        WHERE e.item_uid = d.item_uid AND e.channel = d.channel AND e.target = d.target
          AND e.id < d.id AND e.status IN ('pending', 'in_flight', 'retrying'))
    ORDER BY d.next_attempt_at NULLS FIRST, d.id
    LIMIT ${n}
    FOR UPDATE OF d SKIP LOCKED),
  claimed AS (
    UPDATE deliveries SET status = 'in_flight', lease_token = $3, lease_until = $2::timestamptz,
      attempts = deliveries.attempts + 1, updated_at = $1::timestamptz
    FROM due WHERE deliveries.id = due.id
    RETURNING deliveries.id, deliveries.attempts, deliveries.channel, deliveries.target,
      deliveries.target_name, deliveries.action, deliveries.item_uid, deliveries.snapshot,
      deliveries.snapshot_key,
      EXISTS (
        SELECT 1 FROM deliveries h
        WHERE h.item_uid = deliveries.item_uid AND h.channel = deliveries.channel
          AND h.target = deliveries.target AND h.id < deliveries.id
          AND (h.status IN ('delivered', 'in_flight') OR h.attempts > 0)) AS has_history)
  SELECT id, attempts, channel, target, target_name, action, item_uid, snapshot_key, has_history,
    CASE WHEN snapshot_key IS NOT NULL
        AND row_number() OVER (PARTITION BY item_uid, snapshot_key ORDER BY id) > 1
      THEN NULL ELSE snapshot::text END AS snapshot
  FROM claimed`,
  }
}

/**
 * Settles a batch and logs its attempts in one statement (data-modifying CTEs all run). A row
 * changes only while the settling worker still holds its lease; the ids it changed come back.
 *
 * The batch travels as one JSON array (`settleParameters`), not as an array per column: with
 * arrays, PostgreSQL saw each batch's length when planning (unnest's row estimate) and so kept
 * planning every call afresh (about 0.5 ms of its CPU per statement); `jsonb_to_recordset` looks
 * the same to the planner whatever the batch, so the cached generic plan is used.
 */
export const SETTLE_SQL = `WITH v AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS v(id integer, token text, status text,
      next_at timestamptz, now timestamptz, code numeric, error text, delivered_at timestamptz,
      receipt jsonb, external_id text, external_url text, attempt numeric,
      started_at timestamptz, duration_ms numeric, outcome text, worker text)
  ), settled AS (
    UPDATE deliveries d SET status = v.status::enum_deliveries_status,
      next_attempt_at = v.next_at, lease_token = NULL, lease_until = NULL, updated_at = v.now,
      last_status_code = v.code, last_error = v.error, delivered_at = v.delivered_at,
      receipt = COALESCE(v.receipt, d.receipt),
      external_id = COALESCE(v.external_id, d.external_id),
      external_url = COALESCE(v.external_url, d.external_url)
    FROM v
    WHERE d.id = v.id AND d.lease_token = v.token AND d.status = 'in_flight'
    RETURNING d.id
  ), logged AS (
    INSERT INTO delivery_attempts (delivery_id, attempt, started_at, duration_ms, status_code,
      outcome, error, worker, updated_at, created_at)
    SELECT v.id, v.attempt, v.started_at, v.duration_ms, v.code,
      v.outcome::enum_delivery_attempts_outcome, v.error, v.worker, v.now, v.now
    FROM v
  )
  SELECT id FROM settled`

/** Earlier rows of the claimed items that can hold a copy's receipt or an uncertain copy. */
export const HISTORY_SQL = `SELECT id, channel, target, action, status, attempts, item_uid,
    CASE WHEN status = 'delivered' THEN receipt END AS receipt,
    CASE WHEN status = 'delivered' THEN NULL ELSE snapshot END AS snapshot
  FROM deliveries
  WHERE item_uid = ANY($1::text[]) AND id <> ALL($2::integer[])
    AND (status IN ('delivered', 'in_flight') OR attempts > 0)
  ORDER BY id DESC`
