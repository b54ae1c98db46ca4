import type { ChannelAdapter, Target } from '../../channels/contract'

/**
 * `targets()` per channel, reused for `maxAgeMs` (real time): an attempt only needs its target's
 * name and audience, and a website channel's `targets()` loads and decrypts every endpoint.
 * A failed load is not kept.
 */
export function createTargetsCache(
  maxAgeMs: number,
): (adapter: ChannelAdapter) => Promise<Target[]> {
  const cache = new Map<string, { at: number; targets: Promise<Target[]> }>()
  return (adapter) => {
    const hit = cache.get(adapter.name)
    if (hit && performance.now() - hit.at < maxAgeMs) return hit.targets
    const targets = Promise.resolve(adapter.targets())
    cache.set(adapter.name, { at: performance.now(), targets })
    targets.catch(() => cache.delete(adapter.name))
    return targets
  }
}
