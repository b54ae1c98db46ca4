/** The contract between `bench/run.ts` and each `bench/<name>.ts`. */
export type BenchOptions = {
  /** Measured runs per case (warm-ups and priming starts are extra and never counted). */
  runs: number
  /** `--name value` options the bench declared in `export const flags` (values unparsed). */
  flags?: Record<string, string>
}

/** Figures for one case, in milliseconds, rounded to 0.1 ms. */
export type Summary = {
  runs: number
  median: number
  min: number
  max: number
  p90: number
  samples: number[]
}

export type BenchResult = {
  name: string
  /** Headline figure: ours divided by the bare baseline measured in the same run. */
  ratio: number
  runs: number
  unit: 'ms'
  /** Key in `figures` that ratios are computed against. */
  baseline: string
  figures: Record<string, Summary>
  goalMs?: number
  withinGoal?: boolean
  /** Human-readable lines printed under the table (also kept in the RESULT json). */
  notes?: string[]
  /** Bench-specific extras; they go into the RESULT line as they are. */
  [extra: string]: unknown
}

export type BenchFunction = (options: BenchOptions) => Promise<BenchResult>
