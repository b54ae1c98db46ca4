import type { Payload } from 'payload'

import type { ChannelRegistry } from '../../channels/registry'
import type { HealthService } from './activeHealth'
import { channelHealthReport } from './channelHealthReport'
import type { HealthMonitor } from './createHealthMonitor'

/** The endpoint's view of the process: its registry, its sandboxed channels, its monitor. */
export function createHealthService(args: {
  payload: Payload
  registry: ChannelRegistry
  sandboxed: readonly string[]
  monitor: HealthMonitor
}): HealthService {
  return {
    report: () =>
      channelHealthReport({
        payload: args.payload,
        registry: args.registry,
        sandboxed: args.sandboxed,
      }),
    refresh: () => args.monitor.check(),
  }
}
