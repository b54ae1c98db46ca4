import { ratioOf } from './stats'
import type { BenchResult } from './types'

/** Progress goes to stderr so stdout carries only the figures and, last, the RESULT line. */
export function progress(line: string): void {
  process.stderr.write(`${line}\n`)
}

export function formatTable(result: BenchResult): string {
  const base = result.figures[result.baseline]
  const header = ['case', 'runs', 'median ms', 'min ms', 'max ms', 'p90 ms', '× baseline']
  const rows = Object.entries(result.figures).map(([name, s]) => [
    name,
    String(s.runs),
    s.median.toFixed(1),
    s.min.toFixed(1),
    s.max.toFixed(1),
    s.p90.toFixed(1),
    base ? ratioOf(s, base).toFixed(2) : '–',
  ])
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)),
  )
  // Names read best left-aligned, numbers right-aligned so the decimals line up.
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ')
  return [line(header), ...rows.map(line)].join('\n')
}

function goalLine(result: BenchResult): string | undefined {
  if (result.goalMs === undefined) return undefined
  const verdict = result.withinGoal ? 'within goal' : 'MISSED goal'
  return `goal: ≤ ${result.goalMs} ms → ${verdict}`
}

export function printReport(result: BenchResult): void {
  const lines = [
    '',
    `${result.name}: ${result.runs} run(s) per case`,
    formatTable(result),
    `ratio (headline): ${result.ratio}`,
    goalLine(result),
    ...(result.notes ?? []),
  ]
  process.stdout.write(`${lines.filter((l) => l !== undefined).join('\n')}\n`)
}

/** Must be the last line of stdout: tooling reads it with `tail -n 1`. */
export function printResultLine(result: BenchResult): void {
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`)
}
