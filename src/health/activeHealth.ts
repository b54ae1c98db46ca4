import type { ChannelHealthRow } from './channelHealthReport'

/** What `GET /api/channel-health` needs from the process it runs in. */
export type HealthService = {
  /** Every channel's latest recorded check, or why it has none. */
  report: () => Promise<ChannelHealthRow[]>
  /** Checks every channel that has a check, now, and records the results. */
  refresh: () => Promise<void>
}

/**
 * The process's health service, set at boot next to the channel registry. Collections and
 * endpoints are configuration (Next's build loads them too), so they reach the channels through
 * here rather than by importing the adapters.
 */
let active: HealthService | undefined

export function setHealthService(service: HealthService | undefined): void {
  active = service
}

export function healthService(): HealthService | undefined {
  return active
}
