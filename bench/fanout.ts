/**
 * fanout: (a) publish → verified webhook latency, in-process, on a throwaway PostgreSQL
 * database; (c) the same with a separate worker process woken by the outbox doorbell; (b) N
 * items × 5 website targets drained by 3 real worker processes (`HUB_ROLE=worker
 * src/start.ts`) against a bare loop posting the same signed requests to the same fake
 * receiver, in the same run. The parts live in `lib/fanout*.ts`. See bench/README.md.
 */
import type { ChildProcess } from 'node:child_process'
import os from 'node:os'

import type { Payload } from 'payload'

import {
  generateTestSecret,
  startWebsiteReceiver,
  type WebsiteReceiver,
} from '../test/fakes/website-receiver'
import { createTestDatabase } from '../test/helpers/postgres'
import { measureDrain } from './lib/fanoutDrain'
import { measureLatency, measureSplitLatency } from './lib/fanoutLatency'
import {
  BATCH,
  type Ctx,
  DEFAULTS,
  type Drain,
  DROPPED_ENV,
  type Latency,
  type Sizes,
  SLOW_DRAIN_WARN_MS,
} from './lib/fanoutSetup'
import { progress } from './lib/report'
import { elapsedMs, percentile, round, summarize } from './lib/stats'
import { makeTempDir, removeTempDir } from './lib/tempDir'
import type { BenchOptions, BenchResult } from './lib/types'

export const flags = ['items', 'publishes', 'workers', 'targets', 'pairs']

/** (c) publishes at most this many (it boots a worker process of its own). */
const SPLIT_PUBLISHES = 50

const GOALS = { p50Ms: 500, p99Ms: 2_000, throughputRatio: 0.5 }

function parseSizes(raw: Record<string, string> | undefined): Sizes {
  const sizes = { ...DEFAULTS }
  for (const [key, value] of Object.entries(raw ?? {})) {
    const n = Number(value)
    if (!Number.isInteger(n) || n < 1 || n > 1_000_000) {
      throw new Error(`--${key} must be a whole number from 1 to 1000000 (got "${value}")`)
    }
    if (key === 'pairs' && n > 20) throw new Error(`--pairs must be from 1 to 20 (got "${value}")`)
    sizes[key as keyof Sizes] = n
  }
  return sizes
}

export default async function fanout(options: BenchOptions): Promise<BenchResult> {
  const sizes = parseSizes(options.flags)
  progress(
    `fanout: ${sizes.publishes} publishes; ${sizes.items} items × ${sizes.targets} targets, ${sizes.workers} workers`,
  )
  const dataDir = makeTempDir('bench-fanout')
  const db = await createTestDatabase('hub_bench')
  const children = new Set<ChildProcess>()
  let payload: Payload | undefined
  let receiver: WebsiteReceiver | undefined
  try {
    const baseEnv = { ...process.env }
    for (const key of DROPPED_ENV) delete baseEnv[key]
    Object.assign(process.env, {
      DATABASE_URL: db.url,
      HUB_DATA_DIR: dataDir,
      PAYLOAD_SECRET: `bench-fanout-${process.pid}`,
      WEBHOOK_ALLOW_PRIVATE: 'true',
      HUB_DEMO: 'false',
      LOG_LEVEL: 'warn',
      NEXT_TELEMETRY_DISABLED: '1',
    })
    for (const key of DROPPED_ENV) delete process.env[key]
    const bootStarted = process.hrtime.bigint()
    const { bootPayload } = await import('../src/boot/bootPayload')
    payload = (await bootPayload()).payload
    progress(`  booted Payload + migrated in ${round(elapsedMs(bootStarted))} ms`)
    const secret = generateTestSecret()
    receiver = await startWebsiteReceiver({ secrets: secret })
    const department = (
      await payload.create({
        collection: 'departments',
        data: { name: 'Bench', kind: 'etat' } as never,
      })
    ).id
    const ctx: Ctx = {
      payload,
      dbUrl: db.url,
      secret,
      receiver,
      department,
      children,
      baseEnv,
    }
    const latency = await measureLatency(ctx, sizes.publishes)
    const split = await measureSplitLatency(ctx, Math.min(SPLIT_PUBLISHES, sizes.publishes))
    const drain = await measureDrain(ctx, sizes)
    return toResult(sizes, latency, split, drain)
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
    const { setActiveRegistry, setEnqueueListener } = await import('../src/outbox/activeRegistry')
    setEnqueueListener(undefined)
    setActiveRegistry(undefined)
    await receiver?.close().catch(() => undefined)
    if (payload) {
      const { closeDatabase } = await import('../src/db/closeDatabase')
      await closeDatabase(payload).catch((err: unknown) => progress(`close: ${String(err)}`))
    }
    await db
      .drop()
      .catch((err: unknown) => progress(`could not drop the bench database: ${String(err)}`))
    removeTempDir(dataDir)
  }
}

function toResult(sizes: Sizes, latency: Latency, split: Latency, drain: Drain): BenchResult {
  const lat = summarize(latency.samples)
  const p50 = round(percentile(latency.samples, 50))
  const p99 = round(percentile(latency.samples, 99))
  const ratios = [...drain.pairRatios].sort((a, b) => a - b)
  const throughputRatio = ratios[Math.floor((ratios.length - 1) / 2)] ?? 0
  const goals = {
    p50: { goalMs: GOALS.p50Ms, valueMs: p50, met: p50 <= GOALS.p50Ms },
    p99: { goalMs: GOALS.p99Ms, valueMs: p99, met: p99 <= GOALS.p99Ms },
    throughputRatio: {
      goal: GOALS.throughputRatio,
      value: throughputRatio,
      met: throughputRatio >= GOALS.throughputRatio,
    },
  }
  const allGoalsMet = goals.p50.met && goals.p99.met && goals.throughputRatio.met
  const perDelivery = (windowMs: number) => summarize([windowMs / drain.deliveries])
  const projectedDefaultMs = (DEFAULTS.items * DEFAULTS.targets * 1000) / drain.hub.perSecond
  const splitLat = summarize(split.samples)
  const splitFigures = {
    p50: round(percentile(split.samples, 50)),
    p90: splitLat.p90,
    p99: round(percentile(split.samples, 99)),
    max: splitLat.max,
    unverified: split.unverified,
  }
  const notes = [
    `(a) publish → verified webhook over ${latency.samples.length} publishes: p50 ${p50} ms, p90 ${lat.p90} ms, p99 ${p99} ms, max ${lat.max} ms` +
      (latency.unverified > 0 ? ` (${latency.unverified} unverified/mismatched!)` : ''),
    `(c) the same with web and worker in separate processes (doorbell), over ${split.samples.length} publishes: p50 ${splitFigures.p50} ms, p90 ${splitFigures.p90} ms, p99 ${splitFigures.p99} ms, max ${splitFigures.max} ms` +
      (split.unverified > 0 ? ` (${split.unverified} unverified/mismatched!)` : ''),
    `(b) ${sizes.items} items × ${sizes.targets} targets = ${drain.deliveries} deliveries, ${sizes.workers} workers × ${BATCH} in flight`,
    `    hub ${round(drain.hub.perSecond)}/s (first attempt → last delivered ${round(drain.hub.windowMs)} ms; ${round(drain.hub.wallFromSpawnMs)} ms from spawn, workers booted in ${drain.hub.bootMs} ms before the rows were released), bare ${round(drain.bare.perSecond)}/s (${round(drain.bare.windowMs)} ms)`,
    `    CPU ms per delivery: hub ${drain.hub.cpuPerDelivery.total} (workers ${drain.hub.cpuPerDelivery.workers}, PostgreSQL ${drain.hub.cpuPerDelivery.postgres}, receiver ${drain.hub.cpuPerDelivery.receiver}); bare ${drain.bare.cpuPerDelivery.total} (clients ${drain.bare.cpuPerDelivery.clients}, receiver ${drain.bare.cpuPerDelivery.receiver})`,
    `    ratio = hub deliveries/s ÷ bare deliveries/s = ${throughputRatio}, the median of ${ratios.length} pair(s) run back to back: ${drain.pairRatios.join(', ')} (the lines above are the median pair; figures are ms per delivery, the table's × column is its inverse)`,
    `goals: p50 ≤ ${GOALS.p50Ms} ms ${goals.p50.met ? 'met' : 'MISSED'}, p99 ≤ ${GOALS.p99Ms} ms ${goals.p99.met ? 'met' : 'MISSED'}, ratio ≥ ${GOALS.throughputRatio} ${goals.throughputRatio.met ? 'met' : 'MISSED'}`,
  ]
  if (sizes.items !== DEFAULTS.items || projectedDefaultMs > SLOW_DRAIN_WARN_MS) {
    notes.push(
      `at this rate the default (b) (${DEFAULTS.items} items) drains in ~${round(projectedDefaultMs / 60_000)} min` +
        (projectedDefaultMs > SLOW_DRAIN_WARN_MS ? ' — more than ~5 minutes' : ''),
    )
  }
  return {
    name: 'fanout',
    ratio: throughputRatio,
    ratioDefinition: 'hub deliveries/s ÷ bare deliveries/s, same run (higher is better)',
    runs: 1,
    unit: 'ms',
    baseline: 'bareMsPerDelivery',
    figures: {
      publishToDelivered: lat,
      hubMsPerDelivery: perDelivery(drain.hub.windowMs),
      bareMsPerDelivery: perDelivery(drain.bare.windowMs),
    },
    goalMs: GOALS.p50Ms,
    goalCase: 'publishToDelivered',
    goalStatistic: 'median',
    withinGoal: goals.p50.met,
    allGoalsMet,
    goals,
    latency: { p50, p90: lat.p90, p99, max: lat.max, unverified: latency.unverified },
    latencyLedger: latency.statuses,
    splitLatency: splitFigures,
    sizes,
    drain: {
      ...drain,
      bare: {
        ...drain.bare,
        windowMs: round(drain.bare.windowMs),
        perSecond: round(drain.bare.perSecond),
      },
      hub: {
        ...drain.hub,
        windowMs: round(drain.hub.windowMs),
        perSecond: round(drain.hub.perSecond),
      },
    },
    projectedDefaultDrainMs: round(projectedDefaultMs),
    notes,
    node: process.version,
    platform: process.platform,
    cpus: os.cpus().length,
  }
}
