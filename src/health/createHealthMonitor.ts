import type { Payload } from 'payload'

import type { ChannelConfig } from '../../channels/contract'
import type { ChannelRegistry } from '../../channels/registry'
import { alertHealthFailure } from './alertHealthFailure'
import { checkAdapter } from './checkAdapter'
import { latestChecks, recordCheck } from './recordCheck'

export type HealthMonitorOptions = {
  payload: Payload
  registry: ChannelRegistry
  now: () => Date
  /** How often every channel is checked, whatever is sent. Default 15 min. */
  intervalMs?: number
  /** How old a check may be and still count before a scheduled send. Default 5 min. */
  freshMs?: number
  /** SLACK_* settings for the editor alert. Default: the process environment. */
  alertConfig?: ChannelConfig
  /** Per channel check, for tests. Default 15 s. */
  timeoutMs?: number
}

export type HealthMonitor = {
  /** Checks the channels now (default: every one with a health check) and records the results. */
  check: (channels?: readonly string[]) => Promise<void>
  /** Checks those of `channels` whose latest check (by any process) is older than `freshMs`. */
  ensureFresh: (channels: readonly string[]) => Promise<void>
  /** Checks every channel whose latest check is older than `intervalMs`. */
  periodic: () => Promise<void>
}

export const HEALTH_INTERVAL_MS = 15 * 60 * 1000
export const HEALTH_FRESH_MS = 5 * 60 * 1000

/**
 * Runs the adapters' health checks and records them (`channel-checks`), so every process, the
 * admin's included, sees the latest result whoever checked. A channel that starts failing is
 * alerted once, by the one process that recorded the change; later failing checks only update
 * the record, and a recovery ends the period, so the next failure alerts again.
 */
export function createHealthMonitor(options: HealthMonitorOptions): HealthMonitor {
  const { payload, registry, now } = options
  const intervalMs = options.intervalMs ?? HEALTH_INTERVAL_MS
  const freshMs = options.freshMs ?? HEALTH_FRESH_MS
  const checkable = () => registry.all().filter((a) => a.health !== undefined)
  // This process reads the records only when its own interval has passed (not every tick); a
  // check another process made in the meantime still counts, so together they check about
  // once per interval.
  let nextPeriodicAt = Number.NEGATIVE_INFINITY

  const checkOne = async (channel: string): Promise<void> => {
    const adapter = registry.get(channel)
    if (!adapter?.health) return
    const health = await checkAdapter(adapter, options.timeoutMs)
    const { startedFailing } = await recordCheck(payload, channel, health, now())
    if (startedFailing) {
      await alertHealthFailure(
        payload,
        { channel, detail: health.detail ?? 'ingen forklaring' },
        options.alertConfig,
      )
    }
  }

  const check = async (channels?: readonly string[]) => {
    const names = channels ?? checkable().map((a) => a.name)
    await Promise.all(names.map(checkOne))
  }

  const staleAmong = async (channels: readonly string[], maxAgeMs: number) => {
    const latest = await latestChecks(payload)
    const limit = now().getTime() - maxAgeMs
    return channels.filter((channel) => {
      const checkedAt = latest.get(channel)?.checkedAt
      return !checkedAt || Date.parse(checkedAt) <= limit
    })
  }

  return {
    check,
    ensureFresh: async (channels) => {
      const stale = await staleAmong(channels, freshMs)
      if (stale.length > 0) await check(stale)
    },
    periodic: async () => {
      const names = checkable().map((a) => a.name)
      if (names.length === 0 || now().getTime() < nextPeriodicAt) return
      nextPeriodicAt = now().getTime() + intervalMs
      const stale = await staleAmong(names, intervalMs)
      if (stale.length > 0) await check(stale)
    },
  }
}
