import type { Payload } from 'payload'

import type { ChannelAdapter, Target } from '../../channels/contract'
import type { ChannelRegistry } from '../../channels/registry'
import { type AttemptContext, attemptDelivery, type DeadDelivery } from './attemptDelivery'
import { type ClaimedDelivery, claimDue } from './claimDue'
import { createSettleQueue, settleWith, type SettleQueue } from './createSettleQueue'
import { createTargetsCache } from './createTargetsCache'
import { type ChannelPauses, pauseChannel } from './pauseChannel'
import { copyHistories } from './copyHistories'
import { leaseSignal } from './leaseSignal'
import { releaseClaims } from './releaseClaims'
import type { SettleResult } from './settleDelivery'

export type DispatchOptions = {
  payload: Payload
  registry: ChannelRegistry
  now: () => Date
  worker: string
  limit?: number
  leaseMs?: number
  random?: () => number
  /** Aborted at shutdown: attempts stop their I/O and settle as transient (retried later). */
  signal?: AbortSignal
  /** Shared by the rounds of one dispatcher; a round on its own makes its own. */
  settler?: SettleQueue
  pauses?: ChannelPauses
  targetsOf?: (adapter: ChannelAdapter) => Promise<Target[]>
  onError?: (err: unknown) => void
  /** Told once when a delivery has gone dead (editor alerts); its failures go to `onError`. */
  onDead?: (dead: DeadDelivery) => Promise<void>
  /** Whether this round's claim looks for crash-looping rows too (default: always). */
  sweepDead?: () => boolean
}

export const DEFAULT_LEASE_MS = 60_000

/** Claims what is due and attempts each claimed delivery once. Returns how many it attempted. */
export async function dispatchDue(options: DispatchOptions): Promise<number> {
  const claimed = await claimDispatchRound(options, options.limit ?? 20)
  await Promise.all(claimed.map((attempt) => attempt.start()))
  return claimed.length
}

/** A delivery this process holds the lease on and has not attempted yet. */
export type ClaimedAttempt = {
  delivery: ClaimedDelivery
  /**
   * Attempts it once. The promise settles when the attempt is recorded; with `onError` it never
   * rejects (failures go there instead). Call it once, and not for a row given back.
   */
  start: () => Promise<SettleResult | undefined>
  /** Lets go of its share of the lease without attempting it: `releaseAttempts` calls it. */
  drop: () => void
}

/**
 * Claims up to `limit` due deliveries and returns them unstarted, so a dispatcher can claim
 * more than it has room for and start the rest as attempts finish. The claim's rows share one
 * lease deadline (`leaseSignal`), let go once each row has been attempted or released.
 */
export async function claimDispatchRound(
  options: DispatchOptions,
  limit: number,
): Promise<ClaimedAttempt[]> {
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS
  const now = options.now()
  const claimed = await claimDue(options.payload, {
    now,
    leaseMs,
    limit,
    skipChannels: options.pauses?.paused(now),
    sweepDead: options.sweepDead?.() ?? true,
  })
  if (claimed.length === 0) return []
  const histories = await copyHistories(options.payload, claimed)
  const ctx = attemptContext(options)
  const lease = leaseSignal(leaseMs, options.signal)
  let open = claimed.length
  const done = () => {
    open -= 1
    if (open === 0) lease.release()
  }
  return claimed.map((delivery: ClaimedDelivery) => ({
    delivery,
    start: () =>
      attemptDelivery(ctx, delivery, histories.get(delivery.id) ?? { uncertain: [] }, lease.signal)
        .catch((err: unknown) => {
          options.onError?.(err)
          if (!options.onError) throw err
          return undefined
        })
        .finally(done),
    drop: done,
  }))
}

/**
 * Gives claimed deliveries back unattempted, as if never claimed: due at once (a dispatcher
 * stopping) or at `dueAt` (their channel was paused while they waited).
 */
export async function releaseAttempts(
  options: Pick<DispatchOptions, 'payload' | 'now'>,
  attempts: readonly ClaimedAttempt[],
  dueAt?: Date,
): Promise<void> {
  try {
    await releaseClaims(
      options.payload,
      attempts.map((attempt) => attempt.delivery),
      options.now(),
      dueAt,
    )
  } finally {
    for (const attempt of attempts) attempt.drop()
  }
}

function attemptContext(options: DispatchOptions): AttemptContext {
  return {
    payload: options.payload,
    registry: options.registry,
    now: options.now,
    worker: options.worker,
    random: options.random,
    settler: options.settler ?? createSettleQueue(settleWith(options.payload)),
    // A round on its own asks each channel for its targets once.
    targetsOf: options.targetsOf ?? createTargetsCache(Number.POSITIVE_INFINITY),
    onDead: (dead) => {
      options.onDead?.(dead).catch((err: unknown) => options.onError?.(err))
    },
    onChannelPaused: async (channel, seconds) => {
      const until = new Date(options.now().getTime() + seconds * 1000)
      options.pauses?.pause(channel, until)
      await pauseChannel(options.payload, channel, until)
    },
  }
}
