/** What the fanout bench's parts share: sizes, context, result shapes, helpers. */
import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'

import type { Payload } from 'payload'

import { createRegistry } from '../../channels/registry'
import { disableEndpoint, loadEndpointsFromPayload, websiteAdapter } from '../../channels/website'
import type { WebsiteReceiver } from '../../test/fakes/website-receiver'
import { DEFAULT_CONCURRENCY } from '../../src/outbox/createDispatcher'
import { sleep } from './net'

export const ROOT = path.resolve(import.meta.dirname, '../..')
export const DEFAULTS = { items: 10_000, publishes: 200, workers: 3, targets: 5, pairs: 3 }
/** Each worker has up to this many requests in flight; the bare loop gets the same. */
export const BATCH = DEFAULT_CONCURRENCY
/** Items created through Payload (hooks enqueue their rows); the rest are cloned in SQL. */
export const TEMPLATE_ITEMS = 20
export const PUBLISH_TIMEOUT_MS = 15_000
export const POLL_MS = 250
/**
 * The drain asks the database (rather than the receiver) how far it has come once the receiver
 * has heard nothing for this long, and then at most this often.
 */
export const DB_CHECK_MS = 5_000
/** Time the bare-loop children get to boot before they all start posting at once. */
export const BARE_START_DELAY_MS = 5_000
/** A drain that makes no progress for this long is stuck, not slow. */
export const STALL_MS = 90_000
export const DRAIN_DEADLINE_MS = 30 * 60_000
export const WORKER_BOOT_MS = 180_000
/** Above this, (b) at the default size is expected to take more than ~5 minutes. */
export const SLOW_DRAIN_WARN_MS = 5 * 60_000
export const DROPPED_ENV = [
  'MEDIA_DIR',
  'BRAND_ASSETS_DIR',
  'HUB_ROLE',
  'HUB_SANDBOX_CHANNELS',
  'PORT',
]

export type Sizes = typeof DEFAULTS

export type Ctx = {
  payload: Payload
  dbUrl: string
  secret: string
  receiver: WebsiteReceiver
  department: number
  children: Set<ChildProcess>
  baseEnv: NodeJS.ProcessEnv
}

export type Latency = { samples: number[]; statuses: Record<string, number>; unverified: number }

export type Drain = {
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

export function websiteRegistry(payload: Payload) {
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

export async function createEndpoint(ctx: Ctx, name: string, url: string): Promise<number> {
  const endpoint = await ctx.payload.create({
    collection: 'channel-endpoints',
    data: { name, url, secret: ctx.secret } as never,
  })
  return endpoint.id
}

export async function publish(ctx: Ctx, slug: string) {
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

export function tsxArgs(script: string): string[] {
  const prof = process.env.BENCH_CPU_PROF && script === 'src/start.ts'
  return [
    ...(prof ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
    '--conditions=production',
    '--import',
    'tsx',
    script,
  ]
}

export type ChildRun = { child: ChildProcess; output: () => string; exit: Promise<string> }

export function spawnChild(ctx: Ctx, script: string, env: NodeJS.ProcessEnv): ChildRun {
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

export async function waitUntil(ready: () => boolean, timeoutMs: number, why: () => string) {
  const deadline = Date.now() + timeoutMs
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(why())
    await sleep(100)
  }
}

/** The environment of a `HUB_ROLE=worker` process on the bench database. */
export function workerEnv(ctx: Ctx): NodeJS.ProcessEnv {
  return {
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
}
