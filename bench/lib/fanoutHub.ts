/** fanout (b), the hub's side: real worker processes drain the rows. */
import type pg from 'pg'

import {
  backendCpu,
  cpuDelta,
  cpuMs,
  cpuSince,
  countWhere,
  dbStats,
  statusCounts,
} from './fanoutProbes'
import {
  type Ctx,
  DB_CHECK_MS,
  type Drain,
  DRAIN_DEADLINE_MS,
  POLL_MS,
  type Sizes,
  SLOW_DRAIN_WARN_MS,
  spawnChild,
  STALL_MS,
  waitUntil,
  WORKER_BOOT_MS,
  workerEnv,
} from './fanoutSetup'
import { sleep } from './net'
import { progress } from './report'
import { elapsedMs, percentile, round } from './stats'

export async function runWorkers(
  ctx: Ctx,
  client: pg.Client,
  sizes: Sizes,
  deliveries: number,
  floor: number,
): Promise<Drain['hub']> {
  const ours = `id > ${floor}`
  const oursAttempt = `delivery_id > ${floor}`
  const env = workerEnv(ctx)
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
