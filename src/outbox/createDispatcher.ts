import type { Payload } from 'payload'

import type { ChannelRegistry } from '../../channels/registry'
import { dispatchDue } from './dispatchDue'

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
  batch?: number
  leaseMs?: number
  onError?: (err: unknown) => void
}

/**
 * Delays after a wake at which the dispatcher looks again when it found nothing: the hook that
 * rang runs inside the write's transaction, so its rows become visible only once that commits.
 */
const REWAKE_MS = [25, 100, 400]

/**
 * Runs dispatch rounds until nothing is due. One loop at a time per process; a wake during a
 * loop makes it go round once more instead of starting a second loop.
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const shutdown = new AbortController()
  let running: Promise<void> | undefined
  let again = false
  let stopped = false
  const timers = new Set<NodeJS.Timeout>()

  const loop = async (): Promise<void> => {
    do {
      again = false
      let attempted: number
      do {
        attempted = await dispatchDue({
          payload: options.payload,
          registry: options.registry,
          now: options.now,
          worker: options.worker,
          limit: options.batch,
          leaseMs: options.leaseMs,
          signal: shutdown.signal,
        })
      } while (attempted > 0 && !stopped)
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
