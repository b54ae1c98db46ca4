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
  const attempts = await startDispatchRound(options, options.limit ?? 20)
  await Promise.all(attempts)
  return attempts.length
}

/**
 * Claims up to `limit` due deliveries and starts an attempt for each without waiting for them,
 * so a dispatcher can claim again as soon as it has room. Each promise settles when its
 * attempt is recorded; with `onError` it never rejects (failures go there instead).
 */
export async function startDispatchRound(
  options: DispatchOptions,
  limit: number,
): Promise<Promise<SettleResult | undefined>[]> {
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
  const attempts = claimed.map((c: ClaimedDelivery) =>
    attemptDelivery(ctx, c, histories.get(c.id) ?? { uncertain: [] }, lease.signal).catch(
      (err: unknown) => {
        options.onError?.(err)
        if (!options.onError) throw err
        return undefined
      },
    ),
  )
  void Promise.allSettled(attempts).then(lease.release)
  return attempts
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
