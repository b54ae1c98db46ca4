import type { ChannelRegistry } from '../../channels/registry'

/**
 * The registry the item hooks enqueue for, set once at boot. Collections are configuration
 * (loaded by Next's build too), so they reach the process's channels through here rather than
 * by import. Unset, the hooks enqueue nothing: a process without channels changes no ledger.
 */
let active: ChannelRegistry | undefined
let onEnqueued: (() => void) | undefined

export function setActiveRegistry(registry: ChannelRegistry | undefined): void {
  active = registry
}

export function activeRegistry(): ChannelRegistry | undefined {
  return active
}

/** The local dispatcher's doorbell: rung after a write enqueued deliveries. */
export function setEnqueueListener(listener: (() => void) | undefined): void {
  onEnqueued = listener
}

export function notifyEnqueued(): void {
  onEnqueued?.()
}
