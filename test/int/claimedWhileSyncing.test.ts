import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { ChannelAdapter } from '../../channels/contract'
import { createRegistry } from '../../channels/registry'
import { fixedClock, setClock } from '../../src/clock'
import { setActiveRegistry } from '../../src/outbox/activeRegistry'
import { claimDue } from '../../src/outbox/claimDue'
import { syncItemDeliveries } from '../../src/outbox/syncItemDeliveries'
import { deliveriesOf, dispatchUntilIdle } from '../helpers/ledgerTools'
import { newsPublisher } from '../helpers/newsPublisher'
import { scriptedChannel } from '../helpers/scriptedChannel'
import { startTestHub, type TestHub } from '../helpers/testHub'

/**
 * A worker may claim a waiting delivery between the moment an item's sync reads the ledger and
 * the moment it supersedes or cancels that delivery (the crash test caught a `superseded` row
 * whose attempt had been delivered). The claimed row must be left to finish.
 */
let hub: TestHub
let channel: ReturnType<typeof scriptedChannel>
let publishNews: ReturnType<typeof newsPublisher>
const clock = fixedClock('2026-12-01T09:00:00.000Z')
let restoreClock: () => void
const LEASE_MS = 60_000

/**
 * The channel, with a worker's claim slipped in while the sync asks for its targets (after it
 * read the ledger, before it decides); `gone` drops the target, as a retired endpoint would.
 */
function racingAdapter(gone = false): ChannelAdapter {
  return {
    ...channel.adapter,
    async targets() {
      await claimDue(hub.payload, { now: clock.now(), leaseMs: LEASE_MS, limit: 10 })
      return gone ? [] : channel.adapter.targets()
    },
  }
}

function dispatchAll(): Promise<number> {
  const registry = createRegistry([channel.adapter], {})
  return dispatchUntilIdle({ payload: hub.payload, registry, now: () => clock.now(), worker: 't' })
}

function advance(ms: number): void {
  clock.set(new Date(clock.now().getTime() + ms))
}

/** A publish that failed once (its copy may be out) and is due for its retry. */
async function retryingPublish() {
  channel.script.push('created-then-fail')
  const doc = await publishNews({ channels: ['facebook'] })
  await dispatchAll()
  advance(10_000)
  // Editors change the item next; the sync below runs as their save's hook would.
  setActiveRegistry(undefined)
  return doc
}

async function syncRacing(id: number, gone = false) {
  const registry = createRegistry([racingAdapter(gone)], {})
  await syncItemDeliveries({
    payload: hub.payload,
    registry,
    collection: 'news',
    id,
    now: clock.now(),
  })
}

beforeAll(async () => {
  hub = await startTestHub()
  restoreClock = setClock(clock)
  const department = await hub.payload.create({
    collection: 'departments',
    data: { name: 'Kultur', kind: 'etat' },
  })
  publishNews = newsPublisher(hub.payload, department.id, 'Biblioteket utvider åpningstidene')
})

beforeEach(() => {
  clock.set('2026-12-01T09:00:00.000Z')
  channel = scriptedChannel('facebook')
  setActiveRegistry(createRegistry([channel.adapter], {}))
})

afterAll(async () => {
  setActiveRegistry(undefined)
  restoreClock()
  await hub?.cleanup()
})

describe('a delivery claimed while the item syncs', () => {
  it('should not supersede it, and the newer revision edits the copy it delivers', async () => {
    const doc = await retryingPublish()
    await hub.payload.update({ collection: 'news', id: doc.id, data: { title: 'Lengre åpent' } })
    await syncRacing(doc.id)
    expect((await deliveriesOf(hub.payload, doc.uid as string)).map((r) => r.status)).toEqual([
      'in_flight',
      'pending',
    ])

    advance(LEASE_MS + 1000) // the claiming worker died; another takes the row over
    await dispatchAll()
    const rows = await deliveriesOf(hub.payload, doc.uid as string)
    expect(rows.map((r) => r.status)).toEqual(['delivered', 'delivered'])
    expect(new Set([...channel.copies.values()].map((c) => c.externalId)).size).toBe(1)
  })

  it('should not cancel it, and the retraction takes down the copy it delivers', async () => {
    const doc = await retryingPublish()
    await syncRacing(doc.id, true)
    const rows = await deliveriesOf(hub.payload, doc.uid as string)
    expect(rows.map((r) => [r.action, r.status])).toEqual([
      ['publish', 'in_flight'],
      ['retract', 'pending'],
    ])

    advance(LEASE_MS + 1000)
    await dispatchAll()
    expect((await deliveriesOf(hub.payload, doc.uid as string)).map((r) => r.status)).toEqual([
      'delivered',
      'delivered',
    ])
    expect(channel.copies.size).toBe(0)
  })
})
