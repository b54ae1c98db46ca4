import type { Summary } from './types'

/**
 * Percentile with linear interpolation between closest ranks, so the median of an even count is
 * the mean of the middle two rather than an arbitrary pick of one of them.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of an empty list')
  if (p < 0 || p > 100) throw new Error(`percentile must be 0–100 (got ${p})`)
  const sorted = [...values].sort((a, b) => a - b)
  const rank = (p / 100) * (sorted.length - 1)
  const low = sorted[Math.floor(rank)] ?? Number.NaN
  const high = sorted[Math.ceil(rank)] ?? Number.NaN
  return low + (high - low) * (rank - Math.floor(rank))
}

export function median(values: readonly number[]): number {
  return percentile(values, 50)
}

/** Tenths of a millisecond: finer digits are noise for process-level timings. */
export function round(value: number, digits = 1): number {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}

export function summarize(samples: readonly number[]): Summary {
  return {
    runs: samples.length,
    median: round(median(samples)),
    min: round(Math.min(...samples)),
    max: round(Math.max(...samples)),
    p90: round(percentile(samples, 90)),
    samples: samples.map((value) => round(value)),
  }
}

/** Ratio of two medians, to three decimals; NaN when the baseline is unusable. */
export function ratioOf(ours: Summary, baseline: Summary): number {
  return baseline.median > 0 ? round(ours.median / baseline.median, 3) : Number.NaN
}

export function elapsedMs(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e6
}
