import type { ChannelAdapter, Health } from '../../channels/contract'

/** How long one channel's health check may take, all its calls included. */
export const HEALTH_TIMEOUT_MS = 15_000

/**
 * The adapter's own health check with a deadline. A throw, or no answer in time, is `down` with
 * the reason, as the contract says.
 */
export async function checkAdapter(
  adapter: ChannelAdapter,
  timeoutMs = HEALTH_TIMEOUT_MS,
): Promise<Health> {
  if (!adapter.health) return { status: 'ok' }
  const controller = new AbortController()
  const late = new Error(`ingen svar innen ${Math.round(timeoutMs / 1000)} s`)
  const timer = setTimeout(() => controller.abort(late), timeoutMs)
  try {
    // The race covers an adapter that does not honour its signal.
    return await Promise.race([
      adapter.health({ signal: controller.signal }),
      new Promise<never>((_, reject) => {
        controller.signal.addEventListener('abort', () => reject(late), { once: true })
      }),
    ])
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err)
    return { status: 'down', detail: `Helsesjekken feilet: ${reason}` }
  } finally {
    clearTimeout(timer)
  }
}
