/**
 * `npm run bench -- <name> [--runs N]`: runs `bench/<name>.ts` and prints its figures, then
 * `RESULT {json}` as the last line of stdout. Exit codes: 0 ok, 1 the bench failed, 2 usage.
 */
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { killAllChildren } from './lib/process'
import { printReport, printResultLine } from './lib/report'
import { removeAllTempDirs } from './lib/tempDir'
import type { BenchFunction, BenchResult } from './lib/types'

const BENCH_DIR = import.meta.dirname
const PROJECT_ROOT = path.resolve(BENCH_DIR, '..')
const DEFAULT_RUNS = 5
// Keeps every loop bounded even when someone passes a huge --runs by mistake.
const MAX_RUNS = 100

type Args = { name: string; runs: number; flags: Record<string, string> }

function availableBenches(): string[] {
  return fs
    .readdirSync(BENCH_DIR)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && file !== 'run.ts')
    .map((file) => file.slice(0, -'.ts'.length))
    .sort()
}

function usage(problem: string): never {
  const names = availableBenches()
  process.stderr.write(
    [
      problem,
      'usage: npm run bench -- <name> [--runs N] [bench flags, e.g. fanout --items N]',
      `available: ${names.length > 0 ? names.join(', ') : '(none)'}`,
      '',
    ].join('\n'),
  )
  process.exit(2)
}

function parseRuns(raw: string | undefined): number {
  const runs = Number(raw)
  if (!Number.isInteger(runs) || runs < 1 || runs > MAX_RUNS) {
    usage(`--runs must be a whole number from 1 to ${MAX_RUNS} (got "${raw ?? ''}")`)
  }
  return runs
}

function parseArgs(argv: string[]): Args {
  let name: string | undefined
  let runs = DEFAULT_RUNS
  // Other `--flag value` / `--flag=value` options go to the bench, which lists the ones it takes
  // (`export const flags`); anything else is still a usage error (checked once it is loaded).
  const flags: Record<string, string> = {}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    const flag = /^--([a-z][a-z-]*)(?:=(.*))?$/.exec(arg)
    if (arg === '--runs') runs = parseRuns(argv[++i])
    else if (arg.startsWith('--runs=')) runs = parseRuns(arg.slice('--runs='.length))
    else if (flag?.[1]) flags[flag[1]] = flag[2] ?? argv[++i] ?? ''
    else if (arg.startsWith('-')) usage(`unknown option ${arg}`)
    else if (name === undefined) name = arg
    else usage(`unexpected argument ${arg}`)
  }
  if (name === undefined) usage('missing benchmark name')
  // Only names from the listing: an argument never becomes an arbitrary import path.
  if (!availableBenches().includes(name)) usage(`unknown benchmark "${name}"`)
  return { name, runs, flags }
}

async function loadBench(name: string, flags: Record<string, string>): Promise<BenchFunction> {
  const url = pathToFileURL(path.join(BENCH_DIR, `${name}.ts`)).href
  const mod = (await import(url)) as { default?: unknown; flags?: unknown }
  if (typeof mod.default !== 'function') {
    throw new Error(`bench/${name}.ts must export a default async function`)
  }
  const known = Array.isArray(mod.flags) ? (mod.flags as unknown[]) : []
  for (const flag of Object.keys(flags)) {
    if (!known.includes(flag)) usage(`unknown option --${flag} for ${name}`)
  }
  return mod.default as BenchFunction
}

function checkResult(result: BenchResult, name: string): void {
  if (result.name !== name)
    throw new Error(`bench returned name "${result.name}", expected "${name}"`)
  if (!(result.baseline in result.figures)) {
    throw new Error(`bench result has no figures for its baseline "${result.baseline}"`)
  }
}

function cleanUp(): void {
  killAllChildren()
  removeAllTempDirs()
}

function onSignal(signal: NodeJS.Signals): void {
  process.stderr.write(`\n${signal}: stopping children and removing temp dirs\n`)
  cleanUp()
  process.exit(signal === 'SIGINT' ? 130 : 143)
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  // Benches resolve the hub's paths from the working directory, like `npm start` does.
  process.chdir(PROJECT_ROOT)
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  try {
    const bench = await loadBench(args.name, args.flags)
    const result = await bench({ runs: args.runs, flags: args.flags })
    checkResult(result, args.name)
    printReport(result)
    printResultLine(result)
  } finally {
    cleanUp()
  }
}

main().then(
  // Explicit exit: a stray handle in a bench must not keep the runner alive after RESULT.
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(
      `bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    )
    process.exit(1)
  },
)
