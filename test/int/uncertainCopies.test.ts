import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { createRegistry } from '../../channels/registry'
import { fixedClock, setClock } from '../../src/clock'
import { setActiveRegistry } from '../../src/outbox/activeRegistry'
import { dispatchUntilIdle } from '../helpers/ledgerTools'
import { newsPublisher } from '../helpers/newsPublisher'
import { scriptedChannel } from '../helpers/scriptedChannel'
import { startTestHub, type TestHub } from '../helpers/testHub'

let hub: TestHub
let facebook: ReturnType<typeof scriptedChannel>
let publishNews: ReturnType<typeof newsPublisher>
const clock = fixedClock('2026-12-01T09:00:00.000Z')
let restoreClock: () => void

function dispatchAll(): Promise<number> {
  const registry = createRegistry([facebook.adapter], {})
  return dispatchUntilIdle({ payload: hub.payload, registry, now: () => clock.now(), worker: 't' })
}

/** Lets the failed attempt's retry come due. */
function later(): void {
  clock.set(new Date(clock.now().getTime() + 60_000))
}

beforeAll(async () => {
  hub = await startTestHub()
  restoreClock = setClock(clock)
  const department = await hub.payload.create({
    collection: 'departments',
    data: { name: 'Helse og omsorg', kind: 'etat' },
  })
  publishNews = newsPublisher(hub.payload, department.id, 'Influensavaksine for eldre')
})

beforeEach(() => {
  clock.set('2026-12-01T09:00:00.000Z')
  facebook = scriptedChannel('facebook')
  setActiveRegistry(createRegistry([facebook.adapter], {}))
})

afterAll(async () => {
  setActiveRegistry(undefined)
  restoreClock()
  await hub?.cleanup()
})

describe('copies an interrupted publish may have left', () => {
  it('should edit the copy a superseded publish left instead of posting a second one', async () => {
    facebook.script.push('created-then-fail')
    const doc = await publishNews({ channels: ['facebook'] })
    await dispatchAll()
    await hub.payload.update({
      collection: 'news',
      id: doc.id,
      data: { title: 'Influensavaksine for eldre – nye tider' },
    })
    later()
    await dispatchAll()
    expect(new Set([...facebook.copies.values()].map((c) => c.externalId)).size).toBe(1)
    expect(facebook.calls.deliver).toBe(2)
  })

  it('should take down the copy a failed publish may have left when the item is unpublished', async () => {
    facebook.script.push('created-then-fail')
    const doc = await publishNews({ channels: ['facebook'] })
    await dispatchAll()
    await hub.payload.update({ collection: 'news', id: doc.id, data: { _status: 'draft' } })
    later()
    await dispatchAll()
    expect(facebook.calls.retract).toBe(1)
    expect(facebook.copies.size).toBe(0)
  })

  it('should retract nothing when the failed publish left no copy', async () => {
    facebook.script.push({ rateLimited: 1 })
    const doc = await publishNews({ channels: ['facebook'] })
    await dispatchAll()
    await hub.payload.update({ collection: 'news', id: doc.id, data: { _status: 'draft' } })
    later()
    await dispatchAll()
    expect(facebook.calls.retract).toBe(0)
    expect(facebook.calls.find).toBe(1)
  })
})
