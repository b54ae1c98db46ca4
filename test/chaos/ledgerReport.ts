import type pg from 'pg'

/** One `deliveries` row, as the crash test judges it. */
export type DeliveryRow = {
  id: number
  itemId: string
  itemUid: string
  revision: number
  channel: string
  target: string
  action: string
  status: string
  /** Attempts counted at claim, those whose worker died included. */
  attempts: number
  /** The copy's id at the channel (post id, message ts) once delivered. */
  externalId: string | null
}

/** One `delivery_attempts` row: written when an attempt settles, never by a killed worker. */
export type AttemptRow = {
  deliveryId: number
  attempt: number
  startedAtMs: number
  durationMs: number
  statusCode: number | null
  outcome: string
  /** The attempt's error, for the report. */
  error: string
  worker: string
}

/** A row some worker holds right now: what a SIGKILL at this moment may strand. */
export type InFlightRow = { id: number; channel: string; attempts: number; leaseUntilMs: number }

export async function statusCounts(client: pg.Client): Promise<Record<string, number>> {
  const { rows } = await client.query<{ status: string; n: string }>(
    'SELECT status, count(*) AS n FROM deliveries GROUP BY status ORDER BY status',
  )
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]))
}

/** The rows not settled for good, with their attempt log: what a stuck drain shows. */
export async function openRowsReport(client: pg.Client): Promise<string> {
  const { rows } = await client.query<Record<string, unknown>>(
    `SELECT d.id, d.status, d.attempts, d.next_attempt_at, d.lease_until, d.last_error,
       (SELECT string_agg(a.attempt || ' ' || a.outcome || ' ' || coalesce(a.status_code::text, '-')
          || ' @' || to_char(a.started_at, 'HH24:MI:SS.MS') || ' ' || a.duration_ms || 'ms',
          '; ' ORDER BY a.attempt)
        FROM delivery_attempts a WHERE a.delivery_id = d.id) AS log
     FROM deliveries d WHERE d.status NOT IN ('delivered') ORDER BY d.id LIMIT 20`,
  )
  return rows.map((r) => JSON.stringify(r)).join('\n')
}

export async function inFlightRows(client: pg.Client): Promise<InFlightRow[]> {
  const { rows } = await client.query<{
    id: number
    channel: string
    attempts: string
    lease_until: Date
  }>(
    `SELECT id, channel, attempts, lease_until FROM deliveries WHERE status = 'in_flight'
     ORDER BY id`,
  )
  return rows.map((r) => ({
    id: Number(r.id),
    channel: r.channel,
    attempts: Number(r.attempts),
    leaseUntilMs: r.lease_until.getTime(),
  }))
}

/** Attempts settled per worker (`host:pid`) in the last `windowMs`: who is busy right now. */
export async function recentAttemptsByWorker(
  client: pg.Client,
  windowMs: number,
): Promise<Map<string, number>> {
  const { rows } = await client.query<{ worker: string; n: string }>(
    `SELECT worker, count(*) AS n FROM delivery_attempts
     WHERE started_at > now() - make_interval(secs => $1::float8 / 1000)
     GROUP BY worker`,
    [windowMs],
  )
  return new Map(rows.map((r) => [r.worker, Number(r.n)]))
}

export async function readLedger(
  client: pg.Client,
): Promise<{ deliveries: DeliveryRow[]; attempts: AttemptRow[] }> {
  const deliveries = await client.query<Record<string, unknown>>(
    `SELECT id, item_id, item_uid, revision, channel, target, action, status, attempts,
       external_id
     FROM deliveries ORDER BY id`,
  )
  const attempts = await client.query<Record<string, unknown>>(
    `SELECT delivery_id, attempt, started_at, duration_ms, status_code, outcome, error, worker
     FROM delivery_attempts ORDER BY delivery_id, attempt, started_at`,
  )
  return {
    deliveries: deliveries.rows.map((r) => ({
      id: Number(r.id),
      itemId: String(r.item_id),
      itemUid: String(r.item_uid),
      revision: Number(r.revision),
      channel: String(r.channel),
      target: String(r.target),
      action: String(r.action),
      status: String(r.status),
      attempts: Number(r.attempts),
      externalId: typeof r.external_id === 'string' ? r.external_id : null,
    })),
    attempts: attempts.rows.map((r) => ({
      deliveryId: Number(r.delivery_id),
      attempt: Number(r.attempt),
      startedAtMs: (r.started_at as Date).getTime(),
      durationMs: Number(r.duration_ms ?? 0),
      statusCode: r.status_code === null ? null : Number(r.status_code),
      outcome: String(r.outcome),
      error: typeof r.error === 'string' ? r.error : '',
      worker: typeof r.worker === 'string' ? r.worker : '',
    })),
  }
}

/** Attempts per delivery, in attempt order. */
export function attemptsByDelivery(attempts: readonly AttemptRow[]): Map<number, AttemptRow[]> {
  const byDelivery = new Map<number, AttemptRow[]>()
  for (const attempt of attempts) {
    const list = byDelivery.get(attempt.deliveryId) ?? []
    list.push(attempt)
    byDelivery.set(attempt.deliveryId, list)
  }
  for (const list of byDelivery.values()) list.sort((a, b) => a.attempt - b.attempt)
  return byDelivery
}

/**
 * Attempt numbers a delivery used up without a logged attempt: claimed by a worker that died
 * before it could settle (a live worker logs every attempt, even one whose lease it lost).
 */
export function lostAttempts(row: DeliveryRow, logged: readonly AttemptRow[]): number[] {
  const seen = new Set(logged.map((a) => a.attempt))
  const lost: number[] = []
  for (let n = 1; n <= row.attempts; n++) if (!seen.has(n)) lost.push(n)
  return lost
}

/** A row a killed worker held: its attempt was never logged, and someone claimed it later. */
export type StrandedRow = {
  deliveryId: number
  channel: string
  lostAttempt: number
  leaseUntilMs: number
  /** The first attempt logged after the lost one, if any. */
  next: AttemptRow | undefined
}

/**
 * Per kill, the rows in flight just before it whose attempt at that moment was never logged:
 * that kill's victim held them (every live worker logs each attempt it makes). A row an earlier
 * victim still held at a later kill counts for the earlier one only.
 */
export function strandedByKill(
  snapshots: readonly (readonly InFlightRow[])[],
  byDelivery: ReadonlyMap<number, readonly AttemptRow[]>,
): StrandedRow[][] {
  const counted = new Set<string>()
  return snapshots.map((inFlight) => {
    const fresh = inFlight.filter((row) => !counted.has(`${row.id}:${row.attempts}`))
    const stranded = strandedRows(fresh, byDelivery)
    for (const row of stranded) counted.add(`${row.deliveryId}:${row.lostAttempt}`)
    return stranded
  })
}

function strandedRows(
  inFlight: readonly InFlightRow[],
  byDelivery: ReadonlyMap<number, readonly AttemptRow[]>,
): StrandedRow[] {
  const stranded: StrandedRow[] = []
  for (const row of inFlight) {
    const logged = byDelivery.get(row.id) ?? []
    if (logged.some((a) => a.attempt === row.attempts)) continue
    stranded.push({
      deliveryId: row.id,
      channel: row.channel,
      lostAttempt: row.attempts,
      leaseUntilMs: row.leaseUntilMs,
      next: logged.find((a) => a.attempt > row.attempts),
    })
  }
  return stranded
}
