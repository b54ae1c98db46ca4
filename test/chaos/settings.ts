import { RETRY_SCHEDULE_SECONDS } from '../../src/outbox/backoff'

/**
 * The crash test's knobs in one place. The sizes come from the issue; the timings are chosen so
 * the run takes about a minute on two cores while every retry still follows the real table,
 * only compressed.
 */
export const CHAOS = {
  items: 300,
  /** Webhook endpoints, all at the fake receiver: items × targets deliveries. */
  targets: 2,
  workers: 3,
  /**
   * When to SIGKILL a worker: once this fraction of the deliveries is delivered and, for the
   * second, a little after the first, while the survivors are still busy with first attempts
   * (the first victim's rows are still leased then; they come free a lease after their claim).
   */
  killAt: [
    { delivered: 1 / 3, afterPreviousMs: 0 },
    { delivered: 2 / 3, afterPreviousMs: 2_000 },
  ],
  /** HUB_RETRY_SCALE: 5 s, 5 min, 30 min, 2 h … become 10 ms, 0.6 s, 3.6 s, 14.4 s … */
  retryScale: 0.002,
  /** HUB_LEASE_MS: a killed worker's rows are claimable again this long after their claim. */
  leaseMs: 8_000,
  /** WEBHOOK_TIMEOUT_MS: how long the adapter waits for the fake's hung answers. */
  webhookTimeoutMs: 2_000,
  receiver: {
    failureRate: 0.3,
    seed: 20_261_126,
    /** 500, 429 + Retry-After, no answer, and stored-then-500, equally often. */
    failureWeights: { error500: 1, rateLimited: 1, timeout: 1, createdThen500: 1 },
    /** Scaled like the table: 1000 s × 0.002 = 2 s. */
    retryAfterSeconds: 1_000,
    /**
     * Three random failures per delivery at most, so bad luck cannot exhaust the eight attempts;
     * with the kills on top a delivery still walks the table up to its 4th or 5th step.
     */
    maxFailuresPerId: 3,
  },
  /** How long the workers get to drain everything once the items exist. */
  drainDeadlineMs: 150_000,
  /**
   * How late a retry may start once it is due (and no never-tried row is left to go first): it
   * is picked up at the scheduler's 5 s tick, on a machine the test keeps busy. Two ticks.
   */
  pickupSlackMs: 10_000,
} as const

export { RETRY_SCHEDULE_SECONDS }
