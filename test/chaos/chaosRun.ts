import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'

import pg from 'pg'
import type { Payload } from 'payload'

import { createRegistry } from '../../channels/registry'
import { disableEndpoint, loadEndpointsFromPayload, websiteAdapter } from '../../channels/website'
import {
  generateTestSecret,
  type RecordedRequest,
  startWebsiteReceiver,
  type WebsiteReceiver,
} from '../fakes/website-receiver'
import { createTestDatabase } from '../helpers/postgres'
import {
  type AttemptRow,
  type DeliveryRow,
  type InFlightRow,
  inFlightRows,
  openRowsReport,
  readLedger,
  recentAttemptsByWorker,
  statusCounts,
} from './ledgerReport'
import { CHAOS } from './settings'
import { type Exit, startWorker, type WorkerProcess } from './workerProcess'

export type Kill = {
  worker: string
  pid: number
  /** Delivered rows when the kill was decided. */
  atDelivered: number
  /** What was in flight just before the SIGKILL (any worker's). */
  inFlight: InFlightRow[]
  exit: Exit
}

export type ChaosResult = {
  expected: number
  itemIds: string[]
  /** Endpoint id (the delivery's target) → the path its URL has at the receiver. */
  endpointPaths: Map<string, string>
  deliveries: DeliveryRow[]
  attempts: AttemptRow[]
  requests: readonly RecordedRequest[]
  kills: Kill[]
  /** Workers never killed, with how they exited on SIGTERM at the end. */
  survivors: { worker: string; exit: Exit }[]
  timings: { setupMs: number; itemsMs: number; bootMs: number; drainMs: number }
  /** Event-loop delay of this process, which hosts the receiver: a slow answer is a timeout. */
  loopDelayMs: { p99: number; max: number }
}

const POLL_MS = 200
const READY_TIMEOUT_MS = 120_000
/** Items created at once through the test's Payload (each in its own transaction). */
const CREATE_CONCURRENCY = 4
/** Window in which a worker must have settled attempts to count as busy, and so be killed. */
const BUSY_WINDOW_MS = 3_000

/**
 * The crash test's one expensive run: a fresh PostgreSQL database, migrated here, items and
 * endpoints created through Payload in this process (its hooks enqueue; it dispatches nothing),
 * three `HUB_ROLE=worker` processes delivering to a fake receiver that fails about 30 % of the
 * time, and two of them SIGKILLed along the way. `cleanup` undoes everything, even after a throw.
 */
export function createChaosRun() {
  const workers: WorkerProcess[] = []
  let db: Awaited<ReturnType<typeof createTestDatabase>> | undefined
  let dataDir: string | undefined
  let payload: Payload | undefined
  let receiver: WebsiteReceiver | undefined
  let client: pg.Client | undefined

  let started = Date.now()
  const progress = (msg: string) =>
    console.log(`[chaos +${((Date.now() - started) / 1000).toFixed(1)} s] ${msg}`)

  async function run(): Promise<ChaosResult> {
    started = Date.now()
    db = await createTestDatabase('hub_chaos')
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hub-chaos-'))
    const secret = generateTestSecret()
    Object.assign(process.env, {
      DATABASE_URL: db.url,
      HUB_DATA_DIR: dataDir,
      PAYLOAD_SECRET: `chaos-${process.pid}`,
      WEBHOOK_ALLOW_PRIVATE: 'true',
      HUB_DEMO: 'false',
      HUB_SANDBOX_CHANNELS: '',
    })
    const { bootPayload } = await import('../../src/boot/bootPayload')
    payload = (await bootPayload()).payload
    client = new pg.Client({ connectionString: db.url })
    await client.connect()
    const { setActiveRegistry } = await import('../../src/outbox/activeRegistry')
    setActiveRegistry(websiteRegistry(payload))

    receiver = await startWebsiteReceiver({
      secrets: secret,
      ...CHAOS.receiver,
      retryAfter: String(CHAOS.receiver.retryAfterSeconds),
    })
    const department = await payload.create({
      collection: 'departments',
      data: { name: 'Kommunikasjon', kind: 'etat' },
    })
    const endpointPaths = new Map<string, string>()
    for (let t = 1; t <= CHAOS.targets; t++) {
      const endpoint = await payload.create({
        collection: 'channel-endpoints',
        data: { name: `Nettsted ${t}`, url: `${receiver.url}/site-${t}`, secret } as never,
      })
      endpointPaths.set(String(endpoint.id), `/site-${t}`)
    }

    const setupMs = Date.now() - started
    // The items first, while no worker competes for the two cores: this process, which also
    // hosts the receiver, plays the web process whose writes enqueue.
    const itemsStarted = Date.now()
    const itemIds = await createItems(payload, department.id)
    const itemsMs = Date.now() - itemsStarted
    progress(`${itemIds.length} items created; ${CHAOS.workers} workers starting`)
    const env = workerEnv(db.url, dataDir)
    const bootStarted = Date.now()
    for (let w = 1; w <= CHAOS.workers; w++) workers.push(startWorker(`worker-${w}`, env))
    await Promise.all(workers.map((w) => w.ready(READY_TIMEOUT_MS)))
    const bootMs = Date.now() - bootStarted
    progress('workers ready')
    const expected = CHAOS.items * CHAOS.targets
    const drainStarted = Date.now()
    const loopDelay = monitorEventLoopDelay({ resolution: 10 })
    loopDelay.enable()
    const kills = await drain(client, expected)
    const drainMs = Date.now() - drainStarted
    loopDelay.disable()
    progress('every delivery settled')

    const survivors = []
    for (const w of workers.filter((w) => !kills.some((k) => k.pid === w.pid))) {
      survivors.push({ worker: w.name, exit: await w.stop() })
    }
    const ledger = await readLedger(client)
    return {
      expected,
      itemIds,
      endpointPaths,
      ...ledger,
      requests: receiver.requests,
      kills,
      survivors,
      timings: { setupMs, itemsMs, bootMs, drainMs },
      loopDelayMs: {
        p99: Math.round(loopDelay.percentile(99) / 1e6),
        max: Math.round(loopDelay.max / 1e6),
      },
    }
  }

  /** Waits until every delivery is settled for good, SIGKILLing a busy worker at each mark. */
  async function drain(client: pg.Client, expected: number): Promise<Kill[]> {
    const kills: Kill[] = []
    const deadline = Date.now() + CHAOS.drainDeadlineMs
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS))
      const counts = await statusCounts(client)
      const delivered = counts.delivered ?? 0
      const mark = CHAOS.killAt[kills.length]
      if (mark !== undefined && delivered >= expected * mark) {
        kills.push(await killBusyWorker(client, kills, delivered))
      }
      const total = Object.values(counts).reduce((sum, n) => sum + n, 0)
      const open = (counts.pending ?? 0) + (counts.in_flight ?? 0) + (counts.retrying ?? 0)
      if (total >= expected && open === 0 && kills.length === CHAOS.killAt.length) {
        return kills
      }
      const crashed = workers.find((w) => !kills.some((k) => k.pid === w.pid) && w.exit())
      if (Date.now() > deadline || crashed) {
        throw new Error(
          `the drain did not finish (${JSON.stringify(counts)}, ${kills.length} kills) at ` +
            `${new Date().toISOString()}:\n${await openRowsReport(client)}\n` +
            workers.map((w) => `--- ${w.name}\n${w.output().slice(-4000)}`).join('\n'),
        )
      }
    }
  }

  /** Kills the living worker that settled most attempts lately: the likeliest to hold rows. */
  async function killBusyWorker(client: pg.Client, kills: Kill[], delivered: number) {
    const alive = workers.filter((w) => !kills.some((k) => k.pid === w.pid))
    const busy = await recentAttemptsByWorker(client, BUSY_WINDOW_MS)
    const load = (w: WorkerProcess) =>
      [...busy].filter(([worker]) => worker.endsWith(`:${w.pid}`)).reduce((s, [, n]) => s + n, 0)
    const victim = alive.reduce((a, b) => (load(b) > load(a) ? b : a))
    const inFlight = await inFlightRows(client)
    const exit = await victim.kill()
    progress(`SIGKILLed ${victim.name} at ${delivered} delivered, ${inFlight.length} in flight`)
    return { worker: victim.name, pid: victim.pid, atDelivered: delivered, inFlight, exit }
  }

  async function cleanup(): Promise<void> {
    await Promise.all(workers.map((w) => w.kill()))
    await receiver?.close().catch(() => undefined)
    const { setActiveRegistry } = await import('../../src/outbox/activeRegistry')
    setActiveRegistry(undefined)
    await client?.end().catch(() => undefined)
    if (payload) {
      const { closeDatabase } = await import('../../src/db/closeDatabase')
      await closeDatabase(payload)
    }
    await db?.drop()
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true })
  }

  return { run, cleanup, workers: () => workers }
}

function websiteRegistry(payload: Payload) {
  const adapter = websiteAdapter({
    loadEndpoints: loadEndpointsFromPayload(payload),
    disableEndpoint: (id, reason) => disableEndpoint(payload, id, reason),
  })
  return createRegistry([adapter], {})
}

function workerEnv(databaseUrl: string, dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    LOG_LEVEL: 'info',
    DATABASE_URL: databaseUrl,
    HUB_DATA_DIR: dataDir,
    HUB_RETRY_SCALE: String(CHAOS.retryScale),
    HUB_LEASE_MS: String(CHAOS.leaseMs),
    WEBHOOK_TIMEOUT_MS: String(CHAOS.webhookTimeoutMs),
  }
  for (const key of ['PORT', 'MEDIA_DIR', 'BRAND_ASSETS_DIR']) delete env[key]
  return env
}

/** Publishes the items for the website channel, a few at a time; returns their ids. */
async function createItems(payload: Payload, department: number): Promise<string[]> {
  const ids: string[] = []
  let next = 0
  const createOne = async (): Promise<void> => {
    while (next < CHAOS.items) {
      const n = ++next
      const doc = await payload.create({
        collection: 'news',
        data: {
          title: `Melding ${n}`,
          slug: `melding-${n}`,
          department,
          channels: ['website'],
          _status: 'published',
        } as never,
      })
      ids.push(String(doc.id))
    }
  }
  await Promise.all(Array.from({ length: CREATE_CONCURRENCY }, createOne))
  return ids
}
