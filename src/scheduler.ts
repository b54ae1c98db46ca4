import cron, { type ScheduledTask } from 'node-cron'
import type { Payload } from 'payload'

import type { ChannelRegistry } from '../channels/registry'
import type { Dispatcher } from './outbox/createDispatcher'
import { withdrawExpiredImages } from '../media/rights/withdrawExpiredImages'
import { createHealthMonitor, type HealthMonitor } from './health/createHealthMonitor'
import { dueChannels } from './health/dueChannels'
import { syncDueItems } from './outbox/syncDueItems'

export type Scheduler = {
  /** One tick by hand: tests drive the clock instead of waiting for cron. */
  tick: () => Promise<void>
  stop: () => Promise<void>
}

export type SchedulerOptions = {
  payload: Payload
  registry: ChannelRegistry
  dispatcher: Dispatcher
  now: () => Date
  /** How far back the first tick looks for boundaries missed while no process ran. */
  catchUpMs?: number
  /** node-cron expression (seconds first); every five seconds by default. */
  expression?: string
  /** Channel health checks. Default: a monitor over `registry`, alerting per the environment. */
  health?: HealthMonitor
  onError?: (err: unknown) => void
}

/**
 * The hub's clock, in Europe/Oslo: each tick publishes items whose publishAt has come, lifts
 * embargoes and expires items (all through the ledger), checks the health of the channels those
 * are about to go to, then wakes the dispatcher for due deliveries and retries, and checks every
 * channel's health when its interval has passed. node-cron's noOverlap skips a tick while the
 * last one still runs.
 */
export function startScheduler(options: SchedulerOptions): Scheduler {
  let scannedTo = new Date(options.now().getTime() - (options.catchUpMs ?? 24 * 60 * 60 * 1000))
  const health =
    options.health ??
    createHealthMonitor({ payload: options.payload, registry: options.registry, now: options.now })
  const tick = async (): Promise<void> => {
    const to = options.now()
    let failed = false
    const enqueued = await syncDueItems({
      payload: options.payload,
      registry: options.registry,
      from: scannedTo,
      to,
      onError: (err) => {
        failed = true
        options.onError?.(err)
      },
    })
    // Images whose rights expired: flag their items, which sends the channels an update.
    await withdrawExpiredImages({ payload: options.payload, now: to }).catch((err: unknown) =>
      options.onError?.(err),
    )
    // After a failure the window stays open, so the next tick tries those items again.
    if (!failed) scannedTo = to
    // A scheduled send is checked first, so a dead token is known (and alerted) as it goes out.
    if (enqueued > 0) {
      await dueChannels(options.payload, to)
        .then((channels) => health.ensureFresh(channels))
        .catch((err: unknown) => options.onError?.(err))
    }
    // Retries come due with time too, so every tick wakes the dispatcher.
    options.dispatcher.wake()
    await health.periodic().catch((err: unknown) => options.onError?.(err))
  }
  let task: ScheduledTask | undefined
  if (options.expression !== 'manual') {
    task = cron.schedule(
      options.expression ?? '*/5 * * * * *',
      async () => {
        await tick().catch((err: unknown) => options.onError?.(err))
      },
      { timezone: 'Europe/Oslo', noOverlap: true, name: 'hub-scheduler' },
    )
  }
  return {
    tick,
    stop: async () => {
      await task?.destroy()
    },
  }
}
