/**
 * The crash test (`npm run test:chaos`): 300 items, each to 2 webhook endpoints, the Facebook
 * Page and the Slack news channel, delivered by three real `HUB_ROLE=worker` processes on
 * PostgreSQL. The fake receiver fails about 30 % of the time (500, 429 with Retry-After, no
 * answer, stored-then-500); the fake Graph API and the fake Slack API carry out a fifth of all
 * creates, edits and deletes and then answer 500. A worker is SIGKILLed mid-attempt a third of
 * the way through and another at two thirds, while editors update a fifth of the items and
 * retract another fifth. One run in `beforeAll`; each `it` judges one promise against what the
 * ledger and the fakes recorded (the fakes' own records, never the ledger, for the copies).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type CopiesReport, judgeFacebook, judgeSlack } from './channelCopies'
import { type ChaosResult, createChaosRun } from './chaosRun'
import {
  attemptsByDelivery,
  type AttemptRow,
  strandedByKill,
  type StrandedRow,
} from './ledgerReport'
import { isRetracted } from './mutations'
import { judgeReceiverLog, type ReceiverReport, websiteEnds, websiteKey } from './receiverLog'
import { checkRetryGaps, type GapCheck, summariseGaps } from './retryGaps'
import { CHAOS } from './settings'
import { judgeLedger, type LedgerVerdict } from './judgeLedger'

const chaos = createChaosRun()
let result: ChaosResult
let byDelivery: Map<number, AttemptRow[]>
let receiver: ReceiverReport
let gaps: GapCheck[]
let stranded: StrandedRow[][]
let facebook: CopiesReport
let slack: CopiesReport
let ledger: LedgerVerdict

beforeAll(async () => {
  result = await chaos.run()
  byDelivery = attemptsByDelivery(result.attempts)
  const websiteRows = result.deliveries.filter((row) => row.channel === 'website')
  receiver = judgeReceiverLog(result.requests, websiteRows, result.endpointPaths)
  facebook = judgeFacebook(result.graph, result.items)
  slack = judgeSlack(result.slack, result.items)
  ledger = judgeLedger(result)
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

describe('crash test: three workers, three failing channels, editors at work, two SIGKILLs', () => {
  it('should deliver every item to every target, at its latest revision or retracted', () => {
    expect(result.items).toHaveLength(CHAOS.items)
    expect(ledger.missing).toEqual([])
    expect(ledger.notLatest).toEqual([])
    expect(ledger.notRetracted).toEqual([])
  })

  it('should leave no delivery pending, retrying, in flight or dead', () => {
    expect(ledger.unsettled).toEqual([])
    const open = result.deliveries.filter(
      (row) => !['delivered', 'superseded', 'cancelled'].includes(row.status),
    )
    expect(open.map((row) => `${row.id}:${row.status}`)).toEqual([])
  })

  it('should log exactly one delivered attempt per delivered row, within eight attempts', () => {
    for (const row of result.deliveries) {
      const logged = byDelivery.get(row.id) ?? []
      const delivered = logged.filter((a) => a.outcome === 'delivered')
      expect(delivered, `dlv_${row.id} ${row.status}`).toHaveLength(
        row.status === 'delivered' ? 1 : 0,
      )
      if (row.status === 'delivered')
        expect(logged.at(-1)?.outcome, `dlv_${row.id}`).toBe('delivered')
      expect(row.attempts).toBeLessThanOrEqual(8)
    }
  })

  it("should have the receiver process every delivered publication's and update's webhook-id", () => {
    const missing = result.deliveries.filter(
      (row) =>
        row.channel === 'website' &&
        row.status === 'delivered' &&
        row.action !== 'retract' &&
        !receiver.acceptedIds.has(`dlv_${row.id}`),
    )
    expect(missing.map((row) => row.id)).toEqual([])
  })

  it('should send each webhook-id for one delivery only, with the same body every time', () => {
    expect(receiver.unverified).toBe(0)
    expect(receiver.unknownIds).toEqual([])
    expect(receiver.changedBodies).toEqual([])
    expect(receiver.mismatched).toEqual([])
    expect(receiver.moreRequestsThanAttempts).toEqual([])
  })

  it('should leave each endpoint with the latest revision of every live item and every retracted one retracted', () => {
    const ends = websiteEnds(result.requests)
    const wrong: string[] = []
    for (const item of result.items) {
      const latest = Math.max(
        ...result.deliveries.filter((r) => r.itemId === item.id).map((r) => r.revision),
      )
      for (const path of result.endpointPaths.values()) {
        const end = ends.get(websiteKey(path, item.id))
        const ok = isRetracted(item.plan)
          ? !end?.everShown || end.last.type === 'item.retracted'
          : end?.last.type !== 'item.retracted' && end?.last.revision === latest
        if (!ok) wrong.push(`${path} ${item.id} ${item.plan}: ${JSON.stringify(end)}`)
      }
    }
    expect(wrong).toEqual([])
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
      expect(
        row?.status === 'delivered' || row?.status === 'superseded' || row?.status === 'cancelled',
      ).toBe(true)
      if (row?.status === 'delivered') expect(receiver.processedTwice).toContain(id)
    }
  })

  describe.each([
    ['Facebook Page', () => facebook],
    ['Slack channel', () => slack],
  ] as const)('the %s', (_, copies) => {
    it('should hold no duplicate post or message, created-then-500 notwithstanding', () => {
      expect(copies().figures.createdThen500.create).toBeGreaterThan(0)
      expect(copies().duplicated).toEqual([])
      expect(copies().fakeDuplicates).toEqual(
        Array.isArray(copies().fakeDuplicates) ? [] : { deliveries: [], items: [] },
      )
    })

    it('should show every live item once, with its latest title, edited in place on update', () => {
      expect(copies().missing).toEqual([])
      expect(copies().stale).toEqual([])
      expect(copies().misdirected).toEqual([])
      expect(copies().figures.editedItems).toBeGreaterThan(0)
      expect(copies().figures.createdThen500.edit).toBeGreaterThan(0)
    })

    it('should delete the copy of every retracted item, by a delete of that copy', () => {
      expect(copies().notRemoved).toEqual([])
      expect(copies().removedWithoutDelete).toEqual([])
      expect(copies().figures.deletedItems).toBeGreaterThan(0)
    })
  })

  it('should record in the ledger the post id and message ts the fakes hold', () => {
    expect(ledger.wrongReceipt).toEqual([])
  })

  it('should SIGKILL two different workers mid-attempt, mid-run', () => {
    expect(result.kills).toHaveLength(CHAOS.killAt.length)
    expect(new Set(result.kills.map((k) => k.pid)).size).toBe(CHAOS.killAt.length)
    for (const [i, kill] of result.kills.entries()) {
      expect(kill.exit.signal).toBe('SIGKILL')
      expect(stranded[i]?.length, `rows ${kill.worker} held`).toBeGreaterThan(0)
      const previous = result.kills[i - 1]?.atMs ?? 0
      expect(kill.atMs - previous).toBeGreaterThanOrEqual(CHAOS.killAt[i]?.afterPreviousMs ?? 0)
    }
  })

  it("should claim a killed worker's deliveries again only once their lease ran out", () => {
    expect(stranded.flat().length).toBeGreaterThan(0)
    for (const row of stranded.flat()) {
      if (row.next === undefined) {
        // Only a row a newer change made pointless may stay without a next attempt.
        const status = result.deliveries.find((r) => r.id === row.deliveryId)?.status
        expect(['superseded', 'cancelled'], `dlv_${row.deliveryId}`).toContain(status)
        continue
      }
      expect(row.next.startedAtMs).toBeGreaterThanOrEqual(row.leaseUntilMs)
      if (row.next.attempt === row.lostAttempt + 1) {
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
  const updates = result.mutations.filter((m) => m.kind === 'update').length
  const retractions = result.mutations.length - updates
  const copies = (name: string, r: CopiesReport) =>
    `  ${name}: ${r.figures.copies} copies made (${r.figures.created} creates), ${r.figures.edits} edits, ${r.figures.deletes} deletes; created-then-500 ${JSON.stringify(r.figures.createdThen500)}; ${r.figures.editedItems} updated items edited in place, ${r.figures.deletedItems} retracted items deleted; duplicates ${r.duplicated.length}`
  const lines = [
    `crash test (seed ${CHAOS.seed}): ${CHAOS.items} items × (${CHAOS.targets} endpoints + Facebook + Slack), ${updates} updated and ${retractions} retracted mid-run; ${result.deliveries.length} deliveries, ${CHAOS.workers} workers`,
    `  timings: setup ${result.timings.setupMs} ms, items ${result.timings.itemsMs} ms, worker boot ${result.timings.bootMs} ms, drain ${result.timings.drainMs} ms; receiver's event-loop delay p99 ${result.loopDelayMs.p99} ms, max ${result.loopDelayMs.max} ms`,
    `  statuses: ${JSON.stringify(count(result.deliveries.map((r) => r.status)))}`,
    ...Object.entries(ledger.counts).map(
      ([channel, counts]) => `    ${channel}: ${JSON.stringify(counts)}`,
    ),
    `  attempts: ${result.attempts.length} logged, ${lost} lost with a killed worker; by outcome ${JSON.stringify(count(result.attempts.map((a) => a.outcome)))}`,
    `  attempts per delivery: ${JSON.stringify(count(result.deliveries.map((r) => String(r.attempts))))}`,
    `  rows stranded by both kills: ${strandedTwice()}`,
    `  kills: ${result.kills.map((k, i) => `${k.worker} at ${k.atDelivered} delivered (${k.proven ? 'its request open at a fake' : 'the busiest'}, ${k.inFlight.length} in flight, stranded ${JSON.stringify(count((stranded[i] ?? []).map((r) => r.channel)))})`).join('; ')}`,
    `  receiver: ${receiver.requests} requests, ${receiver.acceptedIds.size} webhook-ids processed, ${receiver.processedTwice.length} processed twice (${receiver.storedThen500Retried.length} after stored-then-500); outcomes ${JSON.stringify(receiver.outcomes)}`,
    copies('Facebook', facebook),
    copies('Slack', slack),
    `  retry gaps (${gaps.length} checked, ${gaps.filter((g) => !g.ok).length} out of bounds):`,
    ...summariseGaps(gaps).map(
      (s) =>
        `    ${s.label}: nominal ${s.nominalMs} ms, ${s.checked} checked, ${s.failed} failed, gaps ${s.minGapMs}–${s.maxGapMs} ms, at most ${s.maxLateMs} ms late`,
    ),
    `  latest retries: ${latestRetries()}`,
    `  most attempts: ${mostAttempts()}`,
  ]
  console.log(lines.join('\n'))
}

/** The delivery that needed the most attempts, with why each failed: what a slow run waited on. */
function mostAttempts(): string {
  const row = [...result.deliveries].sort((a, b) => b.attempts - a.attempts)[0]
  if (!row) return '-'
  const why = (byDelivery.get(row.id) ?? [])
    .map((a) => `#${a.attempt} ${a.outcome}${a.error ? ` (${a.error.slice(0, 90)})` : ''}`)
    .join('; ')
  return `dlv_${row.id} ${row.channel} ${row.action} ${row.status}, ${row.attempts} attempts: ${why}`
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
