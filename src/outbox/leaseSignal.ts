import { setMaxListeners } from 'node:events'

export type LeaseSignal = { signal: AbortSignal; release: () => void }

/**
 * The deadline of one claim's rows, which share a lease: aborted 5 s before the lease runs out,
 * or when `stop` (the dispatcher's shutdown signal) fires. One controller and a timer, released
 * when the claim's attempts have ended; not `AbortSignal.timeout` plus `AbortSignal.any`, as on
 * Node 20 every signal is costly to create.
 */
export function leaseSignal(leaseMs: number, stop?: AbortSignal): LeaseSignal {
  const controller = new AbortController()
  // Every attempt of the claim (and each one's HTTP request) listens: no leak to warn about.
  setMaxListeners(0, controller.signal)
  const timer = setTimeout(
    () => controller.abort(new Error('The delivery lease is about to run out')),
    Math.max(1000, leaseMs - 5000),
  )
  timer.unref()
  const onStop = () => controller.abort(stop?.reason)
  if (stop?.aborted) onStop()
  else stop?.addEventListener('abort', onStop, { once: true })
  const release = () => {
    clearTimeout(timer)
    stop?.removeEventListener('abort', onStop)
  }
  return { signal: controller.signal, release }
}
