import { RETRY_SCHEDULE_SECONDS } from '../../src/outbox/backoff'

/**
 * The run's base seed: `CHAOS_SEED=<n> npm run test:chaos` replays (or varies) every fake's
 * failures. Each fake gets its own seed derived from it, so they do not fail in lockstep.
 */
const SEED = seedFromEnv(process.env.CHAOS_SEED) ?? 20_261_126

/**
 * The crash test's knobs in one place. The sizes come from the issues; the timings are chosen so
 * the run takes a minute or two on two cores while every retry still follows the real table,
 * only compressed.
 */
export const CHAOS = {
  seed: SEED,
  items: 300,
  /** Webhook endpoints, all at the fake receiver. */
  targets: 2,
  /** Every item also goes to the Facebook Page and the Slack news channel: one target each. */
  channels: ['website', 'facebook', 'slack'] as const,
  workers: 3,
  /**
   * When to SIGKILL a worker: once this fraction of the first publications is delivered and, for
   * the second, a little after the first, while the survivors are still busy with first attempts
   * (the first victim's rows are still leased then; they come free a lease after their claim).
   */
  killAt: [
    { delivered: 1 / 3, afterPreviousMs: 0 },
    { delivered: 2 / 3, afterPreviousMs: 2_000 },
  ],
  /**
   * Editors change a share of the items while the workers deliver (see `mutations.ts`): item n
   * is updated when n % 5 = 0, retracted at once (whatever its copies' state) when n % 10 = 3,
   * and updated, then retracted once all its copies are out, when n % 10 = 5. Updates go out
   * when this fraction of the first publications is delivered, the first retractions at the
   * second.
   */
  mutateAt: { update: 0.25, retract: 0.5 },
  /** HUB_RETRY_SCALE: 5 s, 5 min, 30 min, 2 h … become 10 ms, 0.6 s, 3.6 s, 14.4 s … */
  retryScale: 0.002,
  /**
   * HUB_LEASE_MS: a killed worker's rows are claimable again this long after their claim, and
   * every attempt is cut off 5 s before (so at 7 s). A Slack publication makes up to six calls
   * (four history pages before posting, the post, its permalink), each through a fresh client,
   * which on two busy cores with 96 attempts in flight takes several seconds.
   */
  leaseMs: 12_000,
  /** WEBHOOK_TIMEOUT_MS: how long the adapter waits for the fake's hung answers. */
  webhookTimeoutMs: 2_000,
  receiver: {
    failureRate: 0.3,
    seed: SEED,
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
  /** The fake Graph API: every create, edit and delete takes effect, then answers 500, 20 %. */
  graph: { mode: 'createdThen500' as const, modeRate: 0.2, maxModePerObject: 3, seed: SEED + 1 },
  /** The fake Slack API: every post, update and delete takes effect, then answers 500, 20 %. */
  slack: {
    failureRate: 0.2,
    failureModes: ['created-then-500' as const],
    failureMethods: ['chat.postMessage', 'chat.update', 'chat.delete'],
    /** Like the receiver's cap: bad luck cannot fail one delivery until it runs out of attempts. */
    maxFailuresPerMessage: 3,
    seed: SEED + 2,
  },
  /** How long the workers get to drain everything once the items exist. */
  drainDeadlineMs: 240_000,
  /**
   * How late a retry may start once it is due (and no never-tried row is left to go first): it
   * is picked up at the scheduler's 5 s tick, on a machine the test keeps busy. Two ticks.
   */
  pickupSlackMs: 10_000,
} as const

/** The first publications: one per item and target. */
export const FIRST_PUBLICATIONS = CHAOS.items * (CHAOS.targets + CHAOS.channels.length - 1)

function seedFromEnv(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined
  const seed = Number(value)
  if (!Number.isSafeInteger(seed)) throw new Error(`CHAOS_SEED must be an integer (got ${value})`)
  return seed
}

export { RETRY_SCHEDULE_SECONDS }
