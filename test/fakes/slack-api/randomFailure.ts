import { createPrng } from '../website-receiver'
import type { Override } from './scriptedAnswer'
import type { RandomFailure } from './types'

export type RandomFailureSettings = {
  /** Probability (0..1) that a call of one of `methods` fails. Default 0. */
  rate: number
  /** Picked from with equal weight. Default `['created-then-500']`. */
  modes: readonly RandomFailure[]
  /** Default `['chat.postMessage']`: the call whose failure can leave a duplicate. */
  methods: readonly string[]
  /** Retry-After of `rate-limited`. */
  retryAfter: string
}

const OVERRIDES: Record<RandomFailure, (retryAfter: string) => Override> = {
  'created-then-500': () => ({
    kind: 'work-then',
    status: 500,
    body: { ok: false, error: 'internal_error' },
  }),
  'created-then-hang': () => ({ kind: 'work-then-hang' }),
  'error-500': () => ({ kind: 'api', status: 500, body: { ok: false, error: 'internal_error' } }),
  'rate-limited': (retryAfter) => ({
    kind: 'api',
    status: 429,
    body: { ok: false, error: 'ratelimited' },
    headers: { 'Retry-After': retryAfter },
  }),
  hang: () => ({ kind: 'hang' }),
}

/**
 * Seeded random failures for long runs (the crash test): two draws per call of a chosen method,
 * whatever the outcome, so the sequence depends only on the seed and the number of such calls.
 */
export function randomFailures(seed: number) {
  let random = createPrng(seed)
  return {
    reseed(next: number) {
      random = createPrng(next)
    },
    next(method: string, settings: RandomFailureSettings): Override | null {
      if (settings.rate <= 0 || !settings.methods.includes(method)) return null
      const roll = random()
      const pick = random()
      if (roll >= settings.rate || settings.modes.length === 0) return null
      const mode = settings.modes[Math.floor(pick * settings.modes.length)] ?? settings.modes[0]
      return mode ? OVERRIDES[mode](settings.retryAfter) : null
    },
  }
}
