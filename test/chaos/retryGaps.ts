import type { AttemptRow } from './ledgerReport'
import { RETRY_SCHEDULE_SECONDS } from './settings'

export type GapCheck = {
  deliveryId: number
  /** The failed attempt; the gap runs from its start to the start of the next one. */
  attempt: number
  basis: 'table' | 'retry-after'
  /** The scaled delay asked for: the table's step (without jitter) or the Retry-After. */
  nominalMs: number
  gapMs: number
  minMs: number
  maxMs: number
  /** How far the start came after it was due at the latest (delay, duration, backlog). */
  lateMs: number
  ok: boolean
}

export type GapOptions = {
  scale: number
  /** What the receiver's 429s say. */
  retryAfterSeconds: number
  /** Allowed lateness beyond the delay and the failed attempt's own duration. */
  slackMs: number
  /**
   * When the last never-tried row got its first attempt. The claim takes such rows before due
   * retries, so under a backlog a retry may wait for it.
   */
  backlogDoneAtMs: number
}

/**
 * Checks every retry whose previous attempt is logged: a retry after a 429 must not start before
 * the scaled Retry-After; any other must wait at least 0.8 × the scaled step of the table (the
 * jitter is ±20 %). Neither may start later than the most the delay can be, plus the failed
 * attempt's duration (the delay is counted from its end), or than the end of the backlog of
 * never-tried rows if that came later, plus `slackMs` for being picked up.
 * Pairs with a hole (an attempt lost with its worker) have no known start and are not checked.
 */
export function checkRetryGaps(
  byDelivery: ReadonlyMap<number, readonly AttemptRow[]>,
  options: GapOptions,
): GapCheck[] {
  const checks: GapCheck[] = []
  for (const [deliveryId, attempts] of byDelivery) {
    for (const [i, failed] of attempts.entries()) {
      const next = attempts[i + 1]
      if (!next || next.attempt !== failed.attempt + 1) continue
      if (failed.outcome !== 'transient' && failed.outcome !== 'rate-limited') continue
      const gapMs = next.startedAtMs - failed.startedAtMs
      const retryAfter = failed.statusCode === 429
      const step = RETRY_SCHEDULE_SECONDS[failed.attempt - 1] ?? Number.NaN
      const nominalMs = (retryAfter ? options.retryAfterSeconds : step) * options.scale * 1000
      // A Date keeps whole milliseconds, so "not before" may come out 1 ms early.
      const minMs = retryAfter ? nominalMs - 1 : 0.8 * nominalMs
      const dueBy = nominalMs * (retryAfter ? 1.1 : 1.2) + failed.durationMs
      const latest = Math.max(dueBy, options.backlogDoneAtMs - failed.startedAtMs)
      const maxMs = latest + options.slackMs
      checks.push({
        deliveryId,
        attempt: failed.attempt,
        basis: retryAfter ? 'retry-after' : 'table',
        nominalMs,
        gapMs,
        minMs,
        maxMs,
        lateMs: Math.round(gapMs - latest),
        ok: gapMs >= minMs && gapMs <= maxMs,
      })
    }
  }
  return checks
}

export type GapSummary = {
  /** `table step N` (after attempt N) or `Retry-After`. */
  label: string
  nominalMs: number
  checked: number
  failed: number
  minGapMs: number
  maxGapMs: number
  /** The most any retry came after its longest delay and its failed attempt's duration. */
  maxLateMs: number
}

/** One line per table step and one for Retry-After, for the run's report. */
export function summariseGaps(checks: readonly GapCheck[]): GapSummary[] {
  const groups = new Map<string, GapCheck[]>()
  for (const check of checks) {
    const label = check.basis === 'retry-after' ? 'Retry-After' : `table step ${check.attempt}`
    groups.set(label, [...(groups.get(label) ?? []), check])
  }
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([label, group]) => ({
      label,
      nominalMs: Math.round(group[0]?.nominalMs ?? 0),
      checked: group.length,
      failed: group.filter((c) => !c.ok).length,
      minGapMs: Math.min(...group.map((c) => c.gapMs)),
      maxGapMs: Math.max(...group.map((c) => c.gapMs)),
      maxLateMs: Math.max(...group.map((c) => c.lateMs)),
    }))
}
