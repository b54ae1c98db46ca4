import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'

import pg from 'pg'
import type { Payload } from 'payload'

import { type GraphApi, startGraphApi } from '../fakes/graph-api'
import { type SlackApi, startSlackApi } from '../fakes/slack-api'
import {
  generateTestSecret,
  type RecordedRequest,
  startWebsiteReceiver,
  type WebsiteReceiver,
} from '../fakes/website-receiver'
import { createTestDatabase } from '../helpers/postgres'
import type { ChaosItem } from './channelCopies'
import { chaosRegistry, createItems, fakeChannelConfig, workerEnv } from './chaosFixtures'
import { busiestWorker, provenVictim } from './chooseVictim'
import {
  type AttemptRow,
  type DeliveryRow,
  type InFlightRow,
  inFlightRows,
  openRowsReport,
  readLedger,
  statusCounts,
} from './ledgerReport'
import { createMutator, type Mutation, planFor, titleOf } from './mutations'
import { CHAOS, FIRST_PUBLICATIONS } from './settings'
import { type Exit, startWorker, type WorkerProcess } from './workerProcess'

export type Kill = {
  worker: string
  pid: number
  /** The victim provably had an attempt in flight (else it was only the busiest). */
  proven: boolean
  /** Delivered rows when the kill was decided. */
  atDelivered: number
  atMs: number
  /** What was in flight just before the SIGKILL (any worker's). */
  inFlight: InFlightRow[]
  exit: Exit
}

export type ChaosResult = {
  items: ChaosItem[]
  /** Endpoint id (the delivery's target) → the path its URL has at the receiver. */
  endpointPaths: Map<string, string>
  /** The Facebook Page's id and the Slack conversation: those channels' one target each. */
  facebookTarget: string
  slackTarget: string
  deliveries: DeliveryRow[]
  attempts: AttemptRow[]
  requests: readonly RecordedRequest[]
  graph: GraphApi
  slack: SlackApi
  mutations: readonly Mutation[]
  kills: Kill[]
  /** Every worker's log (the last 64 KiB), by name. */
  logs: Map<string, string>
  /** Workers never killed, with how they exited on SIGTERM at the end. */
  survivors: { worker: string; exit: Exit }[]
  timings: { setupMs: number; itemsMs: number; bootMs: number; drainMs: number }
  /** When the workers were ready: the drain's time zero. */
  drainStartedAtMs: number
  /** Event-loop delay of this process, which hosts the receiver: a slow answer is a timeout. */
  loopDelayMs: { p99: number; max: number }
}

const POLL_MS = 200
const READY_TIMEOUT_MS = 120_000
/** How long a kill waits for a worker provably mid-attempt before it takes the busiest one. */
const PROOF_WAIT_MS = 10_000

/**
 * The crash test's one expensive run: a fresh PostgreSQL database, migrated here, items and
 * endpoints created and later changed through Payload in this process (its hooks enqueue; it
 * dispatches nothing), three `HUB_ROLE=worker` processes delivering to the fake receiver (failing
 * about 30 % of the time), the fake Graph API and the fake Slack API (20 % created-then-500
 * each), all hosted here, and two workers SIGKILLed along the way. `cleanup` undoes everything,
 * even after a throw.
 */
export function createChaosRun() {
  const workers: WorkerProcess[] = []
  let db: Awaited<ReturnType<typeof createTestDatabase>> | undefined
  let dataDir: string | undefined
  let payload: Payload | undefined
  let receiver: WebsiteReceiver | undefined
  let graph: GraphApi | undefined
  let slack: SlackApi | undefined
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
    receiver = await startWebsiteReceiver({
      secrets: secret,
      ...CHAOS.receiver,
      retryAfter: String(CHAOS.receiver.retryAfterSeconds),
    })
    graph = await startGraphApi({ ...CHAOS.graph })
    slack = await startSlackApi({
      ...CHAOS.slack,
      failureModes: [...CHAOS.slack.failureModes],
      failureMethods: [...CHAOS.slack.failureMethods],
    })
    const channelConfig = fakeChannelConfig(graph, slack)
    const { setActiveRegistry } = await import('../../src/outbox/activeRegistry')
    setActiveRegistry(chaosRegistry(payload, channelConfig))
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
    // hosts the fakes, plays the web process whose writes enqueue. (Booting the workers meanwhile
    // saves little: both are CPU-bound, and deliveries that start early slow the writes down.)
    const itemsStarted = Date.now()
    const itemIds = await createItems(payload, department.id)
    const itemsMs = Date.now() - itemsStarted
    progress(`${itemIds.length} items created; ${CHAOS.workers} workers starting`)
    const env = workerEnv(db.url, dataDir, channelConfig)
    const bootStarted = Date.now()
    for (let w = 1; w <= CHAOS.workers; w++) workers.push(startWorker(`worker-${w}`, env))
    await Promise.all(workers.map((w) => w.ready(READY_TIMEOUT_MS)))
    const bootMs = Date.now() - bootStarted
    progress('workers ready')
    const drainStarted = Date.now()
    const loopDelay = monitorEventLoopDelay({ resolution: 10 })
    loopDelay.enable()
    const mutator = createMutator(payload, client, itemIds)
    const kills = await drain(client, mutator).finally(() => mutator.settle())
    const drainMs = Date.now() - drainStarted
    loopDelay.disable()
    progress('every delivery settled')

    const survivors = []
    for (const w of workers.filter((w) => !kills.some((k) => k.pid === w.pid))) {
      survivors.push({ worker: w.name, exit: await w.stop() })
    }
    const ledger = await readLedger(client)
    // The item URL as the snapshots carry it: the marker Facebook posts are found by.
    const { publicUrl } = await import('../../src/config/env')
    const base = publicUrl()
    return {
      items: itemIds.map((id, i) => {
        const n = i + 1
        const plan = planFor(n)
        return { id, n, plan, url: `${base}/news/melding-${n}`, title: titleOf(n, plan) }
      }),
      endpointPaths,
      facebookTarget: graph.pageId,
      slackTarget: String(channelConfig.SLACK_CHANNEL),
      ...ledger,
      requests: receiver.requests,
      graph,
      slack,
      mutations: mutator.log,
      kills,
      survivors,
      logs: new Map(workers.map((w) => [w.name, w.output()])),
      timings: { setupMs, itemsMs, bootMs, drainMs },
      drainStartedAtMs: drainStarted,
      loopDelayMs: {
        p99: Math.round(loopDelay.percentile(99) / 1e6),
        max: Math.round(loopDelay.max / 1e6),
      },
    }
  }

  /**
   * Waits until every change is made and every delivery settled for good, SIGKILLing a busy
   * worker at each mark. Marks count delivered rows against the first publications.
   */
  async function drain(
    client: pg.Client,
    mutator: ReturnType<typeof createMutator>,
  ): Promise<Kill[]> {
    const kills: Kill[] = []
    const deadline = Date.now() + CHAOS.drainDeadlineMs
    let markReachedAt: number | undefined
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS))
      const counts = await statusCounts(client)
      const delivered = counts.delivered ?? 0
      await mutator.step(delivered)
      const mark = CHAOS.killAt[kills.length]
      const sincePrevious = Date.now() - (kills.at(-1)?.atMs ?? 0)
      if (
        mark !== undefined &&
        delivered >= FIRST_PUBLICATIONS * mark.delivered &&
        sincePrevious >= mark.afterPreviousMs
      ) {
        if (markReachedAt === undefined) {
          markReachedAt = Date.now()
          progress(`kill mark ${kills.length + 1} reached at ${delivered} delivered`)
        }
        const kill = await killHolder(client, kills, delivered, Date.now() - markReachedAt)
        if (kill) {
          kills.push(kill)
          markReachedAt = undefined
        }
      }
      const open = (counts.pending ?? 0) + (counts.in_flight ?? 0) + (counts.retrying ?? 0)
      if (mutator.finished() && open === 0 && kills.length === CHAOS.killAt.length) {
        // The last change may have committed just before this count: count once more.
        const again = await statusCounts(client)
        if ((again.pending ?? 0) + (again.in_flight ?? 0) + (again.retrying ?? 0) === 0) {
          return kills
        }
      }
      const crashed = workers.find((w) => !kills.some((k) => k.pid === w.pid) && w.exit())
      if (mutator.failure() !== undefined) throw mutator.failure()
      if (Date.now() > deadline || crashed) {
        throw new Error(
          `the drain did not finish (${JSON.stringify(counts)}, ${kills.length} kills, ` +
            `${mutator.log.length} changes) at ` +
            `${new Date().toISOString()}:\n${await openRowsReport(client)}\n` +
            workers.map((w) => `--- ${w.name}\n${w.output().slice(-4000)}`).join('\n'),
        )
      }
    }
  }

  /**
   * SIGKILLs a worker that provably has an attempt in flight (a fake holds its request),
   * waiting for one up to PROOF_WAIT_MS after the mark, then settling for the busiest worker.
   */
  async function killHolder(
    client: pg.Client,
    kills: Kill[],
    delivered: number,
    waitedMs: number,
  ): Promise<Kill | undefined> {
    const alive = workers.filter((w) => !kills.some((k) => k.pid === w.pid))
    const sources = [receiver, graph, slack].flatMap((fake) =>
      fake ? [{ port: Number(new URL(fake.url).port), requests: fake.requests }] : [],
    )
    const victim =
      (await provenVictim(alive, sources)) ??
      (waitedMs >= PROOF_WAIT_MS ? await busiestWorker(alive, client) : undefined)
    if (!victim) return undefined
    const inFlight = await inFlightRows(client)
    const atMs = Date.now()
    const exit = await victim.worker.kill()
    const { name, pid } = victim.worker
    progress(`SIGKILLed ${name} at ${delivered} delivered, ${inFlight.length} in flight`)
    return {
      worker: name,
      pid,
      proven: victim.proven,
      atDelivered: delivered,
      atMs,
      inFlight,
      exit,
    }
  }

  async function cleanup(): Promise<void> {
    await Promise.all(workers.map((w) => w.kill()))
    await receiver?.close().catch(() => undefined)
    await graph?.close().catch(() => undefined)
    await slack?.close().catch(() => undefined)
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

  return { run, cleanup }
}
