/**
 * fanout: (a) publish → verified webhook latency, in-process, on a throwaway PostgreSQL
 * database; (b) N items × 5 website targets drained by 3 real worker processes
 * (`HUB_ROLE=worker src/start.ts`) against a bare loop posting the same signed requests to the
 * same fake receiver, in the same run. See bench/README.md (`fanout`).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'
import type { Payload } from 'payload'

import type { ChannelItem } from '../channels/contract'
import { createRegistry } from '../channels/registry'
import { disableEndpoint, loadEndpointsFromPayload, websiteAdapter } from '../channels/website'
import {
  generateTestSecret,
  startWebsiteReceiver,
  type WebsiteReceiver,
} from '../test/fakes/website-receiver'
import { DEFAULT_CONCURRENCY } from '../src/outbox/createDispatcher'
import { createTestDatabase } from '../test/helpers/postgres'
import { sleep } from './lib/net'
import { progress } from './lib/report'
import { elapsedMs, percentile, round, summarize } from './lib/stats'
import { makeTempDir, removeTempDir } from './lib/tempDir'
import type { BenchOptions, BenchResult } from './lib/types'

export const flags = ['items', 'publishes', 'workers', 'targets', 'pairs']

const ROOT = path.resolve(import.meta.dirname, '..')
const DEFAULTS = { items: 10_000, publishes: 200, workers: 3, targets: 5, pairs: 3 }
const GOALS = { p50Ms: 500, p99Ms: 2_000, throughputRatio: 0.5 }
/** Each worker has up to this many requests in flight; the bare loop gets the same. */
const BATCH = DEFAULT_CONCURRENCY
/** Items created through Payload (hooks enqueue their rows); the rest are cloned in SQL. */
const TEMPLATE_ITEMS = 20
const PUBLISH_TIMEOUT_MS = 15_000
const POLL_MS = 250
/**
 * The drain asks the database (rather than the receiver) how far it has come once the receiver
 * has heard nothing for this long, and then at most this often.
 */
const DB_CHECK_MS = 5_000
/** Time the bare-loop children get to boot before they all start posting at once. */
const BARE_START_DELAY_MS = 5_000
/** A drain that makes no progress for this long is stuck, not slow. */
const STALL_MS = 90_000
const DRAIN_DEADLINE_MS = 30 * 60_000
const WORKER_BOOT_MS = 180_000
/** Above this, (b) at the default size is expected to take more than ~5 minutes. */
const SLOW_DRAIN_WARN_MS = 5 * 60_000
const DROPPED_ENV = ['MEDIA_DIR', 'BRAND_ASSETS_DIR', 'HUB_ROLE', 'HUB_SANDBOX_CHANNELS', 'PORT']

type Sizes = typeof DEFAULTS

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

type Ctx = {
  payload: Payload
  dbUrl: string
  secret: string
  receiver: WebsiteReceiver
  department: number
  children: Set<ChildProcess>
  baseEnv: NodeJS.ProcessEnv
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
    const drain = await measureDrain(ctx, sizes)
    return toResult(sizes, latency, drain)
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

function websiteRegistry(payload: Payload) {
  return createRegistry(
    [
      websiteAdapter({
        loadEndpoints: loadEndpointsFromPayload(payload),
        disableEndpoint: (id, reason) => disableEndpoint(payload, id, reason),
      }),
    ],
    {},
  )
}

async function createEndpoint(ctx: Ctx, name: string, url: string): Promise<number> {
  const endpoint = await ctx.payload.create({
    collection: 'channel-endpoints',
    data: { name, url, secret: ctx.secret } as never,
  })
  return endpoint.id
}

async function publish(ctx: Ctx, slug: string) {
  return ctx.payload.create({
    collection: 'news',
    data: {
      title: `Fanout ${slug}`,
      slug,
      department: ctx.department,
      channels: ['website'],
      _status: 'published',
    } as never,
  })
}

// ---------------------------------------------------------------------------------------------
// (a) latency

type Latency = { samples: number[]; statuses: Record<string, number>; unverified: number }

async function measureLatency(ctx: Ctx, publishes: number): Promise<Latency> {
  const { setActiveRegistry, setEnqueueListener } = await import('../src/outbox/activeRegistry')
  const { createDispatcher } = await import('../src/outbox/createDispatcher')
  const { now } = await import('../src/clock')
  const { payload, receiver } = ctx
  const endpointId = await createEndpoint(ctx, 'Latency', `${receiver.url}/latency`)
  const registry = websiteRegistry(payload)
  setActiveRegistry(registry)
  const dispatcher = createDispatcher({
    payload,
    registry,
    now,
    worker: `bench:${process.pid}`,
    onError: (err) => progress(`  dispatcher error: ${String(err)}`),
  })
  setEnqueueListener(dispatcher.wake)
  const samples: number[] = []
  let unverified = 0
  try {
    // One unmeasured publish warms the code paths, the pool and the receiver's connection.
    for (let i = 0; i <= publishes; i++) {
      const slug = `lat-${i}`
      const expected = receiver.requests.length + 1
      const started = process.hrtime.bigint()
      await publish(ctx, slug)
      const seen = await receiver.waitForRequests(expected, PUBLISH_TIMEOUT_MS)
      const ms = elapsedMs(started)
      const request = seen[expected - 1]
      const body = request?.body as { slug?: string } | undefined
      if (!request?.verified || body?.slug !== slug) unverified++
      if (i > 0) samples.push(ms)
      if (i % 50 === 0 && i > 0) {
        progress(`  (a) ${i}/${publishes}: p50 so far ${round(percentile(samples, 50))} ms`)
      }
    }
    await dispatcher.idle()
  } finally {
    setEnqueueListener(undefined)
    await dispatcher.stop()
  }
  const statuses = await statusCounts(ctx)
  await payload.delete({ collection: 'channel-endpoints', id: endpointId })
  return { samples, statuses, unverified }
}

// ---------------------------------------------------------------------------------------------
// (b) drain

type Drain = {
  deliveries: number
  enqueue: { viaPayloadItems: number; viaPayloadMsPerItem: number; clonedItems: number }
  /** Each bare/hub pair's ratio, in the order they ran; `bare` and `hub` are the median pair's. */
  pairRatios: number[]
  pairs: {
    ratio: number
    barePerSecond: number
    hubPerSecond: number
    bareCpuPerDelivery: number
    hubCpuPerDelivery: number
  }[]
  bare: {
    windowMs: number
    perSecond: number
    failures: number
    wallMs: number
    /** CPU ms per request: the bare loops' own, and the receiver's (this process) meanwhile. */
    cpuPerDelivery: { clients: number; receiver: number; total: number }
  }
  hub: {
    windowMs: number
    perSecond: number
    wallFromSpawnMs: number
    firstAttemptAfterSpawnMs: number
    /** Spawn → every worker logged "Content hub ready" (rows held back until then). */
    bootMs: number
    statuses: Record<string, number>
    attempts: number
    attemptOutcomes: Record<string, number>
    attemptsPerWorker: Record<string, number>
    attemptDurationMs: { p50: number; p99: number; max: number }
    receiverRequests: number
    receiverVerified: number
    duplicateWebhookIds: number
    workerExits: string[]
    /** User + system CPU each worker had used when the last delivery landed (boot included). */
    workerCpuMs: (number | null)[]
    /** Commits in the bench database during the drain (minus the bench's own polls), per delivery. */
    dbTransactionsPerDelivery: number
    /** Rows PostgreSQL read (tup_returned + tup_fetched) during the drain, per delivery. */
    dbRowsReadPerDelivery: number
    /**
     * CPU ms per delivery from the release of the rows to the last delivery: the workers, their
     * PostgreSQL backends and the receiver (this process). Where the two cores went.
     */
    cpuPerDelivery: { workers: number; postgres: number; receiver: number; total: number }
    progress: { atMs: number; received: number }[]
  }
}

async function measureDrain(ctx: Ctx, sizes: Sizes): Promise<Drain> {
  const { setActiveRegistry, setEnqueueListener } = await import('../src/outbox/activeRegistry')
  const { payload, receiver } = ctx
  // No dispatcher in this process: the hooks enqueue, nobody here sends.
  setEnqueueListener(undefined)
  setActiveRegistry(websiteRegistry(payload))
  const urls: string[] = []
  for (let t = 1; t <= sizes.targets; t++) {
    const url = `${receiver.url}/target-${t}`
    urls.push(url)
    await createEndpoint(ctx, `Target ${t}`, url)
  }
  const deliveries = sizes.items * sizes.targets
  const templates = Math.min(TEMPLATE_ITEMS, sizes.items)
  const enqueueStarted = process.hrtime.bigint()
  const uids: string[] = []
  for (let i = 0; i < templates; i++) uids.push(String((await publish(ctx, `drain-${i}`)).uid))
  const viaPayloadMsPerItem = round(elapsedMs(enqueueStarted) / templates)
  progress(
    `  (b) enqueued ${templates} items through Payload: ${viaPayloadMsPerItem} ms per item (× ${sizes.targets} rows)`,
  )
  const client = new pg.Client({ connectionString: ctx.dbUrl })
  await client.connect()
  try {
    // (a)'s rows stay in the ledger; everything below looks only at (b)'s rows (id > floor).
    const floor = Number(
      (
        await client.query<{ id: string | null }>(
          `SELECT max(id) AS id FROM deliveries WHERE item_uid <> ALL($1::text[])`,
          [uids],
        )
      ).rows[0]?.id ?? 0,
    )
    const cloned = sizes.items - templates
    if (cloned > 0) await cloneItems(client, uids[0] ?? '', cloned)
    const pending = await countWhere(client, `status = 'pending' AND id > ${floor}`)
    if (pending !== deliveries) {
      throw new Error(
        `expected ${deliveries} pending deliveries before the drain, found ${pending}`,
      )
    }
    const snapshot = (
      await client.query<{ snapshot: ChannelItem }>(
        `SELECT snapshot FROM deliveries WHERE item_uid = $1 LIMIT 1`,
        [uids[0]],
      )
    ).rows[0]?.snapshot
    if (!snapshot) throw new Error('no snapshot to render the baseline from')

    // Pairs of bare then hub, back to back: each pair meets the same machine, and the median of
    // the pairs' ratios is the headline (one pair swings by ±10 % on a two-core VM).
    const pairs: { bare: Drain['bare']; hub: Drain['hub']; ratio: number }[] = []
    for (let pair = 1; pair <= sizes.pairs; pair++) {
      if (pair > 1) await resetDrain(client, floor)
      receiver.reset()
      const bare = await runBare(ctx, sizes, urls, snapshot, deliveries)
      progress(
        `  (b) pair ${pair}: bare ${deliveries} requests in ${round(bare.windowMs)} ms → ${round(bare.perSecond)}/s`,
      )
      receiver.reset()
      const hub = await runWorkers(ctx, client, sizes, deliveries, floor)
      const ratio = round(hub.perSecond / bare.perSecond, 3)
      progress(
        `  (b) pair ${pair}: hub ${deliveries} deliveries in ${round(hub.windowMs)} ms → ${round(hub.perSecond)}/s (ratio ${ratio})`,
      )
      pairs.push({ bare, hub, ratio })
    }
    const median = [...pairs].sort((a, b) => a.ratio - b.ratio)[Math.floor((pairs.length - 1) / 2)]
    if (!median) throw new Error('no drain pair ran')
    return {
      deliveries,
      enqueue: { viaPayloadItems: templates, viaPayloadMsPerItem, clonedItems: cloned },
      bare: median.bare,
      hub: median.hub,
      pairRatios: pairs.map((p) => p.ratio),
      pairs: pairs.map((p) => ({
        ratio: p.ratio,
        barePerSecond: round(p.bare.perSecond),
        hubPerSecond: round(p.hub.perSecond),
        bareCpuPerDelivery: p.bare.cpuPerDelivery.total,
        hubCpuPerDelivery: p.hub.cpuPerDelivery.total,
      })),
    }
  } finally {
    setActiveRegistry(undefined)
    await client.end().catch(() => undefined)
  }
}

/** Puts (b)'s rows back as they were before the hub drained them, for the next pair. */
async function resetDrain(client: pg.Client, floor: number): Promise<void> {
  await client.query(`DELETE FROM delivery_attempts WHERE delivery_id > ${floor}`)
  await client.query(
    `UPDATE deliveries SET status = 'pending', attempts = 0, lease_token = NULL,
       lease_until = NULL, next_attempt_at = NULL, delivered_at = NULL, receipt = NULL,
       external_id = NULL, external_url = NULL, last_status_code = NULL, last_error = NULL
     WHERE id > ${floor}`,
  )
  // The drained versions are dead tuples now; the next pair should not pay for them.
  await client.query('VACUUM ANALYZE deliveries')
  await client.query('VACUUM ANALYZE delivery_attempts')
}

/**
 * Enqueuing 10,000 items through Payload would dominate the bench, so one real item's rows
 * (as its hooks wrote them) are cloned for the rest: a fresh uid and idempotency key each, in the
 * order a stream of publishes would have created them.
 */
async function cloneItems(client: pg.Client, templateUid: string, count: number): Promise<void> {
  const started = process.hrtime.bigint()
  const columns = `item_collection, item_id, item_uid, item_title, revision, channel, target,
    target_name, action, status, attempts, idempotency_key, snapshot`
  await client.query(
    `INSERT INTO deliveries (${columns})
     SELECT t.item_collection, t.item_id, 'bench-' || g, t.item_title, t.revision, t.channel,
       t.target, t.target_name, t.action, 'pending', 0, 'bench-' || g || ':' || t.idempotency_key,
       jsonb_set(t.snapshot, '{uid}', to_jsonb('bench-' || g))
     FROM generate_series(1, $2::int) g CROSS JOIN deliveries t
     WHERE t.item_uid = $1
     ORDER BY g, t.id`,
    [templateUid, count],
  )
  await client.query('ANALYZE deliveries')
  progress(`  (b) cloned ${count} more items in SQL in ${round(elapsedMs(started))} ms`)
}

async function countWhere(client: pg.Client, where: string): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    `SELECT count(*) AS n FROM deliveries WHERE ${where}`,
  )
  return Number(rows[0]?.n ?? 0)
}

async function dbStats(client: pg.Client): Promise<{ xacts: number; rows: number }> {
  const { rows } = await client.query<{ x: string; r: string }>(
    `SELECT xact_commit + xact_rollback AS x, tup_returned + tup_fetched AS r
     FROM pg_stat_database WHERE datname = current_database()`,
  )
  return { xacts: Number(rows[0]?.x ?? 0), rows: Number(rows[0]?.r ?? 0) }
}

/** CPU time (user + system) a live child has used so far, from /proc; null where unreadable. */
function cpuMs(pid: number | undefined): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${String(pid)}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const ticks = Number(fields[11]) + Number(fields[12])
    return Number.isFinite(ticks) ? round((ticks * 1000) / 100) : null
  } catch {
    return null
  }
}

/** CPU ms this process has used since `from` (the receiver runs here). */
function cpuSince(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from)
  return (used.user + used.system) / 1000
}

/** CPU ms of every other PostgreSQL backend on the bench database, by pid. */
async function backendCpu(client: pg.Client): Promise<Map<number, number>> {
  const { rows } = await client.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  )
  return new Map(rows.map((r) => [r.pid, cpuMs(r.pid) ?? 0]))
}

/** CPU the backends alive at `after` used since `before` (a new backend counts in full). */
function cpuDelta(after: Map<number, number>, before: Map<number, number>): number {
  let sum = 0
  for (const [pid, ms] of after) sum += ms - (before.get(pid) ?? 0)
  return sum
}

async function statusCounts(ctx: Ctx | { dbUrl: string }, client?: pg.Client, where = 'true') {
  const own = client ?? new pg.Client({ connectionString: ctx.dbUrl })
  if (!client) await own.connect()
  try {
    const { rows } = await own.query<{ status: string; n: string }>(
      `SELECT status, count(*) AS n FROM deliveries WHERE ${where} GROUP BY status ORDER BY status`,
    )
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]))
  } finally {
    if (!client) await own.end()
  }
}

function tsxArgs(script: string): string[] {
  const prof = process.env.BENCH_CPU_PROF && script === 'src/start.ts'
  return [
    ...(prof ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
    '--conditions=production',
    '--import',
    'tsx',
    script,
  ]
}

type ChildRun = { child: ChildProcess; output: () => string; exit: Promise<string> }

function spawnChild(ctx: Ctx, script: string, env: NodeJS.ProcessEnv): ChildRun {
  const child = spawn(process.execPath, tsxArgs(script), {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  ctx.children.add(child)
  let text = ''
  const append = (chunk: Buffer) => {
    text = (text + chunk.toString()).slice(-64 * 1024)
  }
  child.stdout.on('data', append)
  child.stderr.on('data', append)
  const exit = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => {
      ctx.children.delete(child)
      resolve(signal ? `signal ${signal}` : `code ${String(code)}`)
    })
    child.once('error', (err) => resolve(err.message))
  })
  return { child, output: () => text, exit }
}

async function runBare(
  ctx: Ctx,
  sizes: Sizes,
  urls: string[],
  snapshot: ChannelItem,
  deliveries: number,
): Promise<Drain['bare']> {
  const started = process.hrtime.bigint()
  const receiverCpu = process.cpuUsage()
  // Children boot tsx at different speeds; a shared start time keeps the window to the posting.
  const startAt = Date.now() + BARE_START_DELAY_MS
  const runs = Array.from({ length: sizes.workers }, (_, w) => {
    const count = Math.floor(deliveries / sizes.workers) + (w < deliveries % sizes.workers ? 1 : 0)
    const job = {
      urls,
      secret: ctx.secret,
      snapshot,
      count,
      concurrency: BATCH,
      idPrefix: `b${w}`,
      startAt,
    }
    return spawnChild(ctx, 'bench/lib/bareWebhookLoop.ts', {
      ...ctx.baseEnv,
      BARE_JOB: JSON.stringify(job),
    })
  })
  const exits = await Promise.all(runs.map((r) => r.exit))
  const wallMs = elapsedMs(started)
  const receiverCpuMs = cpuSince(receiverCpu)
  const reports = runs.map((run, i) => {
    const line = run
      .output()
      .split('\n')
      .find((l) => l.startsWith('BARE '))
    if (!line) throw new Error(`bare loop ${i} gave no report (${exits[i]}):\n${run.output()}`)
    return JSON.parse(line.slice(5)) as {
      startedAt: number
      endedAt: number
      failures: number
      cpuMs: number
    }
  })
  const windowMs =
    Math.max(...reports.map((r) => r.endedAt)) - Math.min(...reports.map((r) => r.startedAt))
  const failures = reports.reduce((sum, r) => sum + r.failures, 0)
  const verified = ctx.receiver.requests.filter((r) => r.verified && r.status === 200).length
  if (verified !== deliveries) {
    throw new Error(`bare loop: the receiver verified ${verified} of ${deliveries} requests`)
  }
  const clientsCpuMs = reports.reduce((sum, r) => sum + r.cpuMs, 0)
  return {
    windowMs,
    perSecond: (deliveries / windowMs) * 1000,
    failures,
    wallMs: round(wallMs),
    cpuPerDelivery: {
      clients: round(clientsCpuMs / deliveries, 3),
      receiver: round(receiverCpuMs / deliveries, 3),
      total: round((clientsCpuMs + receiverCpuMs) / deliveries, 3),
    },
  }
}

async function runWorkers(
  ctx: Ctx,
  client: pg.Client,
  sizes: Sizes,
  deliveries: number,
  floor: number,
): Promise<Drain['hub']> {
  const ours = `id > ${floor}`
  const oursAttempt = `delivery_id > ${floor}`
  const env: NodeJS.ProcessEnv = {
    ...ctx.baseEnv,
    NODE_ENV: 'production',
    HUB_ROLE: 'worker',
    DATABASE_URL: ctx.dbUrl,
    PAYLOAD_SECRET: process.env.PAYLOAD_SECRET,
    HUB_DATA_DIR: process.env.HUB_DATA_DIR,
    WEBHOOK_ALLOW_PRIVATE: 'true',
    HUB_DEMO: 'false',
    // "Content hub ready" is an info line; deliveries log nothing at info.
    LOG_LEVEL: 'info',
    NEXT_TELEMETRY_DISABLED: '1',
  }
  const statsBefore = await dbStats(client)
  let polls = 0
  // Like the bare loop's children, the workers boot first and start together: the rows are
  // held back until every worker says it is ready, so booting (compiling Payload) does not
  // compete with the drain for the two cores. The workers' cron ticks share the wall clock.
  await client.query(
    `UPDATE deliveries SET next_attempt_at = '2999-01-01T00:00:00Z' WHERE ${ours} AND status = 'pending'`,
  )
  const spawnedAtMs = Date.now()
  const workers = Array.from({ length: sizes.workers }, () => spawnChild(ctx, 'src/start.ts', env))
  const workerExits: string[] = []
  for (const w of workers) void w.exit.then((e) => workerExits.push(e))
  await waitUntil(
    () => workers.every((w) => w.output().includes('Content hub ready')) || workerExits.length > 0,
    WORKER_BOOT_MS,
    () =>
      `workers not ready after ${WORKER_BOOT_MS} ms:\n${workers.map((w) => w.output()).join('\n---\n')}`,
  )
  const bootMs = Date.now() - spawnedAtMs
  progress(`  (b) hub: ${sizes.workers} workers ready after ${bootMs} ms; releasing the rows`)
  const cpuAtRelease = {
    workers: workers.map((w) => cpuMs(w.child.pid) ?? 0),
    postgres: await backendCpu(client),
    receiver: process.cpuUsage(),
  }
  await client.query(
    `UPDATE deliveries SET next_attempt_at = NULL WHERE ${ours} AND status = 'pending'`,
  )
  const started = process.hrtime.bigint()
  const trace: { atMs: number; received: number }[] = []
  const seenAtRelease = ctx.receiver.requests.length
  let delivered = 0
  let seen = 0
  let lastProgressAt = Date.now()
  let lastDbCheckAt = Date.now()
  let warned = false
  for (;;) {
    await sleep(POLL_MS)
    const atMs = round(elapsedMs(started))
    // Progress comes from the receiver, in this process. The database is asked only once the
    // receiver has every request, or has heard nothing for a while (rows gone dead, a stall):
    // counting ledger rows scans the whole table (PostgreSQL even forks parallel workers for
    // it), which took CPU from the hub that the bare loop never had to share.
    const received = ctx.receiver.requests.length - seenAtRelease
    if (received !== seen) lastProgressAt = Date.now()
    if (Math.floor(received / 5000) !== Math.floor(seen / 5000)) {
      progress(`  (b) hub: ${received}/${deliveries} received after ${round(atMs / 1000)} s`)
      trace.push({ atMs, received })
    }
    seen = received
    if (workerExits.length > 0) {
      throw new Error(
        `a worker exited during the drain (${workerExits.join(', ')}):\n${workers.map((w) => w.output()).join('\n---\n')}`,
      )
    }
    if (!warned && atMs > 60_000 && received > 0) {
      const projected = (atMs / received) * deliveries
      if (projected > SLOW_DRAIN_WARN_MS) {
        warned = true
        progress(
          `  (b) note: at this rate the drain takes ~${round(projected / 60_000)} min (over ~5 min)`,
        )
      }
    }
    const quiet = Date.now() - lastProgressAt >= DB_CHECK_MS
    const ask = received >= deliveries || (quiet && Date.now() - lastDbCheckAt >= DB_CHECK_MS)
    if (ask) {
      lastDbCheckAt = Date.now()
      polls += 2
      const count = await countWhere(client, `status = 'delivered' AND ${ours}`)
      if (count !== delivered) lastProgressAt = Date.now()
      delivered = count
      if (delivered >= deliveries) break
      const done = await countWhere(client, `status IN ('dead', 'delivered') AND ${ours}`)
      if (done >= deliveries) break
    }
    if (Date.now() - lastProgressAt > STALL_MS || atMs > DRAIN_DEADLINE_MS) {
      throw new Error(
        `drain stuck at ${delivered}/${deliveries}: ${JSON.stringify(await statusCounts(ctx, client, ours))}`,
      )
    }
  }
  const wallFromSpawnMs = Date.now() - spawnedAtMs
  const workerCpuMs = workers.map((w) => cpuMs(w.child.pid))
  const cpuSpent = {
    workers: workerCpuMs.reduce<number>(
      (sum, ms, i) => sum + (ms ?? 0) - (cpuAtRelease.workers[i] ?? 0),
      0,
    ),
    postgres: cpuDelta(await backendCpu(client), cpuAtRelease.postgres),
    receiver: cpuSince(cpuAtRelease.receiver),
  }
  await Promise.all(
    workers.map(async (w) => {
      w.child.kill('SIGTERM')
      const timer = setTimeout(() => w.child.kill('SIGKILL'), 20_000)
      await w.exit
      clearTimeout(timer)
    }),
  )
  // Statistics reach pg_stat_database within about a second of the backends' last commit.
  await sleep(1_500)
  const statsAfter = await dbStats(client)
  const transactions = statsAfter.xacts - statsBefore.xacts - polls
  const window = (
    await client.query<{ first: Date; last: Date }>(
      `SELECT (SELECT min(started_at) FROM delivery_attempts WHERE ${oursAttempt}) AS first,
              (SELECT max(delivered_at) FROM deliveries WHERE ${ours}) AS last`,
    )
  ).rows[0]
  const windowMs = (window?.last.getTime() ?? 0) - (window?.first.getTime() ?? 0)
  const outcomes = await client.query<{ outcome: string; n: string }>(
    `SELECT outcome, count(*) AS n FROM delivery_attempts WHERE ${oursAttempt} GROUP BY outcome`,
  )
  const perWorker = await client.query<{ worker: string; n: string }>(
    `SELECT worker, count(*) AS n FROM delivery_attempts WHERE ${oursAttempt}
     GROUP BY worker ORDER BY worker`,
  )
  const durations = (
    await client.query<{ d: string }>(
      `SELECT duration_ms AS d FROM delivery_attempts WHERE ${oursAttempt}`,
    )
  ).rows.map((r) => Number(r.d))
  const attempts = durations.length
  const ids = new Map<string, number>()
  for (const r of ctx.receiver.requests) {
    if (r.webhookId) ids.set(r.webhookId, (ids.get(r.webhookId) ?? 0) + 1)
  }
  return {
    windowMs,
    perSecond: (deliveries / windowMs) * 1000,
    wallFromSpawnMs,
    firstAttemptAfterSpawnMs: (window?.first.getTime() ?? 0) - spawnedAtMs,
    bootMs,
    statuses: await statusCounts(ctx, client, ours),
    workerCpuMs,
    dbTransactionsPerDelivery: round(transactions / deliveries, 2),
    dbRowsReadPerDelivery: round((statsAfter.rows - statsBefore.rows) / deliveries),
    cpuPerDelivery: {
      workers: round(cpuSpent.workers / deliveries, 3),
      postgres: round(cpuSpent.postgres / deliveries, 3),
      receiver: round(cpuSpent.receiver / deliveries, 3),
      total: round((cpuSpent.workers + cpuSpent.postgres + cpuSpent.receiver) / deliveries, 3),
    },
    attempts,
    attemptOutcomes: Object.fromEntries(outcomes.rows.map((r) => [r.outcome, Number(r.n)])),
    attemptsPerWorker: Object.fromEntries(perWorker.rows.map((r) => [r.worker, Number(r.n)])),
    attemptDurationMs: {
      p50: round(percentile(durations, 50)),
      p99: round(percentile(durations, 99)),
      max: round(Math.max(...durations)),
    },
    receiverRequests: ctx.receiver.requests.length,
    receiverVerified: ctx.receiver.requests.filter((r) => r.verified).length,
    duplicateWebhookIds: [...ids.values()].filter((n) => n > 1).length,
    workerExits,
    progress: trace,
  }
}

// ---------------------------------------------------------------------------------------------

function toResult(sizes: Sizes, latency: Latency, drain: Drain): BenchResult {
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
  const notes = [
    `(a) publish → verified webhook over ${latency.samples.length} publishes: p50 ${p50} ms, p90 ${lat.p90} ms, p99 ${p99} ms, max ${lat.max} ms` +
      (latency.unverified > 0 ? ` (${latency.unverified} unverified/mismatched!)` : ''),
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

async function waitUntil(ready: () => boolean, timeoutMs: number, why: () => string) {
  const deadline = Date.now() + timeoutMs
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(why())
    await sleep(100)
  }
}
