import type { Payload } from 'payload'

import type { ChannelRegistry } from '../../channels/registry'
import { createSettleQueue, settleWith } from './createSettleQueue'
import { createTargetsCache } from './createTargetsCache'
import {
  type ClaimedAttempt,
  claimDispatchRound,
  type DispatchOptions,
  releaseAttempts,
} from './dispatchDue'
import { type ChannelPauses, createChannelPauses } from './pauseChannel'

export type Dispatcher = {
  /** Dispatch now: after an enqueue, or on the scheduler's tick. */
  wake: () => void
  /** Resolves when the dispatcher is idle (tests, shutdown). */
  idle: () => Promise<void>
  /** Stops taking new work and waits for the attempts in flight. */
  stop: () => Promise<void>
}

export type DispatcherOptions = {
  payload: Payload
  registry: ChannelRegistry
  now: () => Date
  worker: string
  /** Attempts in flight at once in this process. */
  concurrency?: number
  /**
   * How many deliveries a claim may take beyond the free room, started as attempts finish.
   * Default: half the concurrency; 0 claims only what fits.
   */
  claimAhead?: number
  leaseMs?: number
  onError?: (err: unknown) => void
  /** Told once when a delivery has gone dead (editor alerts). */
  onDead?: DispatchOptions['onDead']
}

/**
 * Delays after a wake at which the dispatcher looks again when it found nothing: the hook that
 * rang runs inside the write's transaction, so its rows become visible only once that commits.
 */
const REWAKE_MS = [25, 100, 400]

export const DEFAULT_CONCURRENCY = 32

/**
 * How often a busy dispatcher's claim also marks crash-looping rows dead. The claim skips them
 * anyway; the sweep only makes them show as dead, and on PostgreSQL it reads the whole ledger.
 */
const SWEEP_EVERY_MS = 30_000

/**
 * A claim's size (the free room plus what may be claimed ahead) rounded down to a multiple of 8
 * (from 8 up). On PostgreSQL each limit is a prepared statement of its own, planned afresh five
 * times on every pooled connection before the cached plan is used, so claims in steps of 8 beat
 * a statement for every size.
 */
export function claimLimit(room: number): number {
  const n = Math.max(1, Math.floor(room))
  return n < 8 ? n : n - (n % 8)
}

/**
 * Takes out of `ready` the attempts that must not start, grouped by when they are due again
 * (undefined: at once).
 */
function heldBack(
  ready: ClaimedAttempt[],
  stopped: boolean,
  pauses: ChannelPauses,
  now: Date,
): Map<Date | undefined, ClaimedAttempt[]> {
  const groups = new Map<Date | undefined, ClaimedAttempt[]>()
  if (stopped) groups.set(undefined, ready.splice(0))
  if (stopped || pauses.paused(now).length === 0) return groups
  const until = new Map<string, Date | undefined>()
  for (let i = ready.length - 1; i >= 0; i--) {
    const { channel } = (ready[i] as ClaimedAttempt).delivery
    if (!until.has(channel)) until.set(channel, pauses.pausedUntil(channel, now))
    const dueAt = until.get(channel)
    if (!dueAt) continue
    groups.set(dueAt, [...ready.splice(i, 1), ...(groups.get(dueAt) ?? [])])
  }
  return groups
}

/** True at most once per `ms` (real time). */
function every(ms: number): () => boolean {
  let last = Number.NEGATIVE_INFINITY
  return () => {
    const now = performance.now()
    if (now - last < ms) return false
    last = now
    return true
  }
}

/**
 * Keeps up to `concurrency` attempts in flight until nothing is due: it claims again whenever
 * half its room is free, instead of waiting for a whole batch (one slow receiver would hold
 * up every other). One loop per process; a wake during a loop makes it look once more.
 *
 * A claim takes up to `claimAhead` rows more than there is room for, and those start as
 * attempts finish. A claim costs PostgreSQL about as much as a few rows in it, so under load
 * this halves the claims without fewer attempts in flight; when little is due, a claim returns
 * what there is and nothing waits. Rows claimed ahead hold the lease like the rest, and a
 * stopping dispatcher gives them back unattempted (`releaseClaims`).
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const shutdown = new AbortController()
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY)
  const claimAhead = Math.max(0, options.claimAhead ?? Math.floor(concurrency / 2))
  // Attempts claimed and not yet settled, across drains (the settle queue batches by it).
  let unsettled = 0
  const pauses = createChannelPauses()
  const round: DispatchOptions = {
    payload: options.payload,
    registry: options.registry,
    now: options.now,
    worker: options.worker,
    leaseMs: options.leaseMs,
    signal: shutdown.signal,
    settler: createSettleQueue(settleWith(options.payload), { unsettled: () => unsettled }),
    pauses,
    // Matches the website adapter's endpoint age: a changed endpoint counts within a second.
    targetsOf: createTargetsCache(1000),
    onError: (err) => options.onError?.(err),
    onDead: options.onDead,
    sweepDead: every(SWEEP_EVERY_MS),
  }
  let running: Promise<void> | undefined
  let again = false
  let stopped = false
  const timers = new Set<NodeJS.Timeout>()

  // Rows claimed ahead that must not start now: every one once stopping, and those of a channel
  // paused since the claim (they wait for the end of the pause, like its other rows). A row not
  // given back returns when its lease runs out.
  const giveBack = async (ready: ClaimedAttempt[]): Promise<void> => {
    const now = options.now()
    for (const [dueAt, attempts] of heldBack(ready, stopped, pauses, now)) {
      await releaseAttempts(round, attempts, dueAt).catch((err: unknown) => options.onError?.(err))
    }
  }

  const drain = async (): Promise<void> => {
    let inFlight = 0
    // Claimed ahead of room, started as attempts finish.
    const ready: ClaimedAttempt[] = []
    // Resolved when an attempt finishes: one waiter, rather than a Promise.race over every
    // attempt in flight each time round.
    let finished: (() => void) | undefined
    const start = (attempt: ClaimedAttempt) => {
      unsettled++
      inFlight++
      void attempt.start().finally(() => {
        unsettled--
        inFlight--
        finished?.()
      })
    }
    for (;;) {
      if (ready.length > 0) await giveBack(ready)
      while (inFlight < concurrency && ready.length > 0) start(ready.shift() as ClaimedAttempt)
      const room = concurrency - inFlight
      if (!stopped && ready.length === 0 && (room * 2 >= concurrency || inFlight === 0)) {
        ready.push(...(await claimDispatchRound(round, claimLimit(room + claimAhead))))
        if (ready.length > 0) continue
      }
      if (inFlight === 0 && ready.length === 0) return
      // Full, or nothing was due but attempts still run (finishing one may free the next row of
      // its item): wait for one to finish, then look again.
      await new Promise<void>((resolve) => {
        finished = resolve
      })
      finished = undefined
    }
  }

  const loop = async (): Promise<void> => {
    do {
      again = false
      await drain()
    } while (again && !stopped)
  }

  const run = (): void => {
    if (stopped) return
    if (running) {
      again = true
      return
    }
    running = loop()
      .catch((err: unknown) => options.onError?.(err))
      .finally(() => {
        running = undefined
      })
  }

  return {
    wake: () => {
      run()
      for (const delay of REWAKE_MS) {
        const timer = setTimeout(() => {
          timers.delete(timer)
          run()
        }, delay)
        timer.unref()
        timers.add(timer)
      }
    },
    idle: async () => {
      while (running || timers.size > 0) {
        await (running ?? new Promise((resolve) => setTimeout(resolve, 10)))
      }
    },
    stop: async () => {
      stopped = true
      shutdown.abort(new Error('The hub is shutting down'))
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
      await running
    },
  }
}
