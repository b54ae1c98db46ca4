import type { Payload } from 'payload'

import type { ChannelRegistry } from '../../channels/registry'
import { createSettleQueue, settleWith } from './createSettleQueue'
import { createTargetsCache } from './createTargetsCache'
import { type DispatchOptions, startDispatchRound } from './dispatchDue'
import { createChannelPauses } from './pauseChannel'

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

/** How often a busy dispatcher's claim also looks for crash-looping rows. */
const SWEEP_EVERY_MS = 5000

/**
 * The free room rounded down to a multiple of 8 (from 8 up). On PostgreSQL each limit is a
 * prepared statement of its own, planned afresh five times on every pooled connection before
 * the cached plan is used, so claims of 16, 24 or 32 rows beat seventeen statements.
 */
export function claimLimit(room: number): number {
  const n = Math.max(1, Math.floor(room))
  return n < 8 ? n : n - (n % 8)
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
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const shutdown = new AbortController()
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY)
  // Attempts claimed and not yet settled, across drains (the settle queue batches by it).
  let unsettled = 0
  const round: DispatchOptions = {
    payload: options.payload,
    registry: options.registry,
    now: options.now,
    worker: options.worker,
    leaseMs: options.leaseMs,
    signal: shutdown.signal,
    settler: createSettleQueue(settleWith(options.payload), { unsettled: () => unsettled }),
    pauses: createChannelPauses(),
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

  const drain = async (): Promise<void> => {
    let inFlight = 0
    // Resolved when an attempt finishes: one waiter, rather than a Promise.race over every
    // attempt in flight each time round.
    let finished: (() => void) | undefined
    for (;;) {
      const room = concurrency - inFlight
      let claimed = 0
      if (!stopped && (room * 2 >= concurrency || inFlight === 0)) {
        const attempts = await startDispatchRound(round, claimLimit(room))
        claimed = attempts.length
        for (const attempt of attempts) {
          unsettled++
          inFlight++
          void attempt.finally(() => {
            unsettled--
            inFlight--
            finished?.()
          })
        }
      }
      if (inFlight === 0 && (claimed === 0 || stopped)) return
      // Full, or nothing was due but attempts still run (finishing one may free the next row of
      // its item): wait for one to finish, then look again.
      if (claimed === 0 || room - claimed < Math.ceil(concurrency / 2)) {
        await new Promise<void>((resolve) => {
          finished = resolve
        })
        finished = undefined
      }
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
