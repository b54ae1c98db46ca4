/** fanout (b): the drain, as bare/hub pairs on the same rows and receiver. */
import pg from 'pg'

import type { ChannelItem } from '../../channels/contract'
import { runWorkers } from './fanoutHub'
import { countWhere, cpuSince } from './fanoutProbes'
import {
  BARE_START_DELAY_MS,
  BATCH,
  createEndpoint,
  type Ctx,
  type Drain,
  publish,
  type Sizes,
  spawnChild,
  TEMPLATE_ITEMS,
  websiteRegistry,
} from './fanoutSetup'
import { progress } from './report'
import { elapsedMs, round } from './stats'

export async function measureDrain(ctx: Ctx, sizes: Sizes): Promise<Drain> {
  const { setActiveRegistry, setEnqueueListener } = await import('../../src/outbox/activeRegistry')
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
