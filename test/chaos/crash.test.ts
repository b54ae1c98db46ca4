/**
 * The crash test (`npm run test:chaos`): 300 items × 2 webhook endpoints delivered by three real
 * `HUB_ROLE=worker` processes on PostgreSQL to a fake receiver that fails about 30 % of the
 * time (500, 429 with Retry-After, no answer, stored-then-500), with a worker SIGKILLed mid-attempt
 * a third of the way through and another at two thirds. One run in `beforeAll`; each `it` judges one
 * promise of the ledger against what the ledger and the receiver recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type ChaosResult, createChaosRun } from './chaosRun'
import {
  attemptsByDelivery,
  type AttemptRow,
  strandedByKill,
  type StrandedRow,
} from './ledgerReport'
import { judgeReceiverLog, type ReceiverReport } from './receiverLog'
import { checkRetryGaps, type GapCheck, summariseGaps } from './retryGaps'
import { CHAOS } from './settings'

const chaos = createChaosRun()
let result: ChaosResult
let byDelivery: Map<number, AttemptRow[]>
let receiver: ReceiverReport
let gaps: GapCheck[]
let stranded: StrandedRow[][]

beforeAll(async () => {
  result = await chaos.run()
  byDelivery = attemptsByDelivery(result.attempts)
  receiver = judgeReceiverLog(result.requests, result.deliveries, result.endpointPaths)
  stranded = strandedByKill(
    result.kills.map((k) => k.inFlight),
    byDelivery,
  )
  gaps = checkRetryGaps(byDelivery, {
    scale: CHAOS.retryScale,
    retryAfterSeconds: CHAOS.receiver.retryAfterSeconds,
    slackMs: CHAOS.pickupSlackMs,
    backlogDoneAtMs: Math.max(
      ...result.attempts.filter((a) => a.attempt === 1).map((a) => a.startedAtMs),
    ),
  })
  report()
})

afterAll(async () => {
  await chaos.cleanup()
})

describe('crash test: three workers, a failing receiver, two SIGKILLs', () => {
  it('should deliver every item to every target', () => {
    expect(result.itemIds).toHaveLength(CHAOS.items)
    expect(result.deliveries).toHaveLength(result.expected)
    for (const itemId of result.itemIds) {
      const rows = result.deliveries.filter((row) => row.itemId === itemId)
      expect(rows.map((row) => `${row.action}:${row.status}`)).toEqual(
        Array<string>(CHAOS.targets).fill('publish:delivered'),
      )
      expect(new Set(rows.map((row) => row.target)).size).toBe(CHAOS.targets)
    }
  })

  it('should leave no delivery pending, retrying, in flight or dead', () => {
    const open = result.deliveries.filter((row) => row.status !== 'delivered')
    expect(open.map((row) => `${row.id}:${row.status}`)).toEqual([])
  })

  it('should log exactly one delivered attempt per delivery, within eight attempts', () => {
    for (const row of result.deliveries) {
      const logged = byDelivery.get(row.id) ?? []
      expect(
        logged.filter((a) => a.outcome === 'delivered'),
        `dlv_${row.id}`,
      ).toHaveLength(1)
      expect(logged.at(-1)?.outcome, `dlv_${row.id}`).toBe('delivered')
      expect(row.attempts).toBeLessThanOrEqual(8)
    }
  })

  it("should have the receiver process every delivery's webhook-id", () => {
    const missing = result.deliveries.filter((row) => !receiver.acceptedIds.has(`dlv_${row.id}`))
    expect(missing.map((row) => row.id)).toEqual([])
    expect(receiver.acceptedIds.size).toBe(result.expected)
  })

  it('should send each webhook-id for one delivery only, with the same body every time', () => {
    expect(receiver.unverified).toBe(0)
    expect(receiver.unknownIds).toEqual([])
    expect(receiver.changedBodies).toEqual([])
    expect(receiver.mismatched).toEqual([])
    expect(receiver.moreRequestsThanAttempts).toEqual([])
  })

  it('should meet every failure mode the receiver scripts', () => {
    for (const mode of ['error500', 'rateLimited', 'timeout', 'createdThen500']) {
      expect(receiver.outcomes[mode] ?? 0, mode).toBeGreaterThan(0)
    }
  })

  it('should treat the retry after a stored-then-500 as the same delivery', () => {
    expect(receiver.storedThen500Retried.length).toBeGreaterThan(0)
    for (const id of receiver.storedThen500Retried) {
      const row = result.deliveries.find((r) => `dlv_${r.id}` === id)
      expect(row?.status).toBe('delivered')
      expect(receiver.processedTwice).toContain(id)
    }
  })

  it('should SIGKILL two different workers mid-attempt, mid-run', () => {
    expect(result.kills).toHaveLength(CHAOS.killAt.length)
    expect(new Set(result.kills.map((k) => k.pid)).size).toBe(CHAOS.killAt.length)
    for (const [i, kill] of result.kills.entries()) {
      expect(kill.exit.signal).toBe('SIGKILL')
      expect(stranded[i]?.length, `rows ${kill.worker} held`).toBeGreaterThan(0)
      expect(kill.atDelivered).toBeLessThan(result.expected)
      const previous = result.kills[i - 1]?.atMs ?? 0
      expect(kill.atMs - previous).toBeGreaterThanOrEqual(CHAOS.killAt[i]?.afterPreviousMs ?? 0)
    }
  })

  it("should claim a killed worker's deliveries again only once their lease ran out", () => {
    expect(stranded.flat().length).toBeGreaterThan(0)
    for (const row of stranded.flat()) {
      expect(row.next, `dlv_${row.deliveryId}`).toBeDefined()
      expect(row.next?.startedAtMs).toBeGreaterThanOrEqual(row.leaseUntilMs)
      if (row.next?.attempt === row.lostAttempt + 1) {
        expect(row.next.startedAtMs).toBeLessThanOrEqual(row.leaseUntilMs + CHAOS.pickupSlackMs)
      }
    }
  })

  it('should space retries per the compressed table and honour Retry-After', () => {
    const labels = summariseGaps(gaps).map((s) => s.label)
    expect(labels).toEqual(
      expect.arrayContaining(['Retry-After', 'table step 1', 'table step 2', 'table step 3']),
    )
    expect(gaps.filter((g) => !g.ok)).toEqual([])
  })

  it('should log no errors in any worker', () => {
    for (const [worker, log] of result.logs) {
      const errors = log.split('\n').filter((line) => /"level":(50|60)/.test(line))
      expect(errors, worker).toEqual([])
    }
  })

  it('should stop the surviving worker cleanly on SIGTERM', () => {
    expect(result.survivors).toHaveLength(CHAOS.workers - CHAOS.killAt.length)
    for (const survivor of result.survivors)
      expect(survivor.exit).toEqual({ code: 0, signal: null })
  })
})

/** The run's figures, for the log: what happened, not only whether it passed. */
function report(): void {
  const count = (values: string[]) =>
    values.reduce<Record<string, number>>((acc, v) => ({ ...acc, [v]: (acc[v] ?? 0) + 1 }), {})
  const lost = result.deliveries.reduce(
    (sum, row) => sum + row.attempts - (byDelivery.get(row.id)?.length ?? 0),
    0,
  )
  const lines = [
    `crash test: ${CHAOS.items} items × ${CHAOS.targets} targets = ${result.expected} deliveries, ${CHAOS.workers} workers`,
    `  timings: setup ${result.timings.setupMs} ms, items ${result.timings.itemsMs} ms, worker boot ${result.timings.bootMs} ms, drain ${result.timings.drainMs} ms; receiver's event-loop delay p99 ${result.loopDelayMs.p99} ms, max ${result.loopDelayMs.max} ms`,
    `  statuses: ${JSON.stringify(count(result.deliveries.map((r) => r.status)))}`,
    `  attempts: ${result.attempts.length} logged, ${lost} lost with a killed worker; by outcome ${JSON.stringify(count(result.attempts.map((a) => a.outcome)))}`,
    `  attempts per delivery: ${JSON.stringify(count(result.deliveries.map((r) => String(r.attempts))))}`,
    `  rows stranded by both kills: ${strandedTwice()}`,
    `  kills: ${result.kills.map((k, i) => `${k.worker} at ${k.atDelivered} delivered (${k.proven ? 'its request open at the receiver' : 'the busiest'}, ${k.inFlight.length} in flight, ${stranded[i]?.length ?? 0} stranded)`).join('; ')}`,
    `  receiver: ${receiver.requests} requests, ${receiver.acceptedIds.size} webhook-ids processed, ${receiver.processedTwice.length} processed twice (${receiver.storedThen500Retried.length} after stored-then-500); outcomes ${JSON.stringify(receiver.outcomes)}`,
    `  retry gaps (${gaps.length} checked, ${gaps.filter((g) => !g.ok).length} out of bounds):`,
    ...summariseGaps(gaps).map(
      (s) =>
        `    ${s.label}: nominal ${s.nominalMs} ms, ${s.checked} checked, ${s.failed} failed, gaps ${s.minGapMs}–${s.maxGapMs} ms, at most ${s.maxLateMs} ms late`,
    ),
    `  latest retries: ${latestRetries()}`,
  ]
  console.log(lines.join('\n'))
}

function strandedTwice(): number {
  const first = new Set(stranded[0]?.map((row) => row.deliveryId))
  return (stranded[1] ?? []).filter((row) => first.has(row.deliveryId)).length
}

/** The three retries that came latest, placed on the drain's clock, for a slow run's log. */
function latestRetries(): string {
  const at = (ms: number) => `${((ms - result.drainStartedAtMs) / 1000).toFixed(1)} s`
  const kills = result.kills.map((k) => `${k.worker} killed at ${at(k.atMs)}`).join(', ')
  const late = [...gaps].sort((a, b) => b.lateMs - a.lateMs).slice(0, 3)
  const described = late.map((gap) => {
    const attempts = byDelivery.get(gap.deliveryId) ?? []
    const failed = attempts.find((a) => a.attempt === gap.attempt)
    const retry = attempts.find((a) => a.attempt === gap.attempt + 1)
    return (
      `dlv_${gap.deliveryId} #${gap.attempt} ${failed?.outcome ?? '?'} at ${at(failed?.startedAtMs ?? 0)} ` +
      `(${failed?.durationMs ?? '?'} ms) → #${gap.attempt + 1} at ${at(retry?.startedAtMs ?? 0)} ` +
      `by ${retry?.worker ?? '?'}, ${gap.lateMs} ms late`
    )
  })
  return `${described.join('; ')} (${kills})`
}
