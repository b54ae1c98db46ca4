import { retryScale } from '../config/env'

/**
 * Retry spacing from the Standard Webhooks recommendation: after the first failed attempt wait
 * 5 s, then 5 min, 30 min, 2 h, 5 h, 10 h and 10 h; after that the delivery is dead (eight
 * attempts in all, about 28 hours). Jitter (±20 %) keeps retries of many deliveries that failed
 * together from arriving together.
 */
export const RETRY_SCHEDULE_SECONDS = [5, 300, 1800, 7200, 18_000, 36_000, 36_000] as const

/** A receiver's Retry-After is honoured, but never beyond the longest step of the schedule. */
export const MAX_RETRY_AFTER_SECONDS = 36_000

export const JITTER = 0.2

export type BackoffInput = {
  /** Attempts made so far, the failed one included (counted at claim). */
  attempts: number
  /** Seconds the receiver asked us to wait (429/503 Retry-After), if any. */
  retryAfterSeconds?: number
  /** [0, 1): injectable for tests. */
  random?: () => number
  /**
   * Compresses the whole clock, Retry-After included, so a crash test can walk the real table in
   * seconds. Default: HUB_RETRY_SCALE (1 unless a test sets it).
   */
  scale?: number
}

/** Seconds until the next attempt, or `null` when the delivery has had all its attempts. */
export function nextRetryDelaySeconds(input: BackoffInput): number | null {
  const random = input.random ?? Math.random
  const scale = input.scale ?? retryScale()
  const step = RETRY_SCHEDULE_SECONDS[input.attempts - 1]
  if (step === undefined) return null
  if (input.retryAfterSeconds !== undefined && input.retryAfterSeconds > 0) {
    // "Not before": never earlier than asked, a little later to spread the herd.
    const asked = Math.min(input.retryAfterSeconds, MAX_RETRY_AFTER_SECONDS)
    return Math.min(asked * (1 + 0.1 * random()), MAX_RETRY_AFTER_SECONDS) * scale
  }
  return step * (1 - JITTER + 2 * JITTER * random()) * scale
}

export function maxAttempts(): number {
  return RETRY_SCHEDULE_SECONDS.length + 1
}
