import { type FailureMode, type FailureWeights } from './types'

export const FAILURE_MODES: readonly FailureMode[] = [
  'error500',
  'rateLimited',
  'timeout',
  'createdThen500',
]

export const DEFAULT_FAILURE_WEIGHTS: FailureWeights = {
  error500: 1,
  rateLimited: 1,
  timeout: 1,
  createdThen500: 1,
}

/**
 * Decides whether a request fails and how. Always draws exactly two numbers so the position in
 * the PRNG sequence depends only on how many requests were decided, not on their outcomes.
 */
export function chooseFailure(
  random: () => number,
  failureRate: number,
  weights: Partial<FailureWeights> | undefined,
): FailureMode | null {
  const roll = random()
  const pick = random()
  if (!(roll < failureRate)) return null
  const resolved = weights ? FAILURE_MODES.map((m) => weights[m] ?? 0) : null
  const w = resolved ?? FAILURE_MODES.map((m) => DEFAULT_FAILURE_WEIGHTS[m])
  const total = w.reduce((sum, x) => sum + Math.max(0, x), 0)
  if (total <= 0) throw new Error('failureWeights must give at least one mode a positive weight')
  let target = pick * total
  for (const [i, mode] of FAILURE_MODES.entries()) {
    target -= Math.max(0, w[i] ?? 0)
    if (target < 0) return mode
  }
  return FAILURE_MODES[FAILURE_MODES.length - 1] ?? 'error500'
}
