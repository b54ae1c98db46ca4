import { createLocalReq, initTransaction, killTransaction } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { createRegistry } from '../../channels/registry'
import { type SandboxAdapter, sandboxAdapter } from '../../channels/sandbox/sandboxAdapter'
import { fixedClock, setClock } from '../../src/clock'
import { setActiveRegistry } from '../../src/outbox/activeRegistry'
import { syncItemDeliveries } from '../../src/outbox/syncItemDeliveries'
import { dispatchUntilIdle } from '../helpers/ledgerTools'
import { newsPublisher } from '../helpers/newsPublisher'
import { startTestHub, type TestHub } from '../helpers/testHub'

let hub: TestHub
let sandbox: SandboxAdapter
let department: number
let publishNews: ReturnType<typeof newsPublisher>
const clock = fixedClock('2026-12-01T09:00:00.000Z')
let restoreClock: () => void
const registry = () => createRegistry([sandbox], {})

function dispatchAll(): Promise<number> {
  const now = () => clock.now()
  return dispatchUntilIdle({ payload: hub.payload, registry: registry(), now, worker: 'test' })
}

/** The item's ledger, by its uid: SQLite reuses the id of a deleted newest row. */
async function rows(item: { uid?: string | null }) {
  const { docs } = await hub.payload.find({
    collection: 'deliveries',
    where: { itemUid: { equals: item.uid } },
    sort: 'id',
    pagination: false,
  })
  return docs.map((d) => ({ action: d.action, status: d.status }))
}

beforeAll(async () => {
  hub = await startTestHub()
  restoreClock = setClock(clock)
  department = (
    await hub.payload.create({
      collection: 'departments',
      data: { name: 'Teknisk drift', kind: 'etat' },
    })
  ).id
  publishNews = newsPublisher(hub.payload, department, 'Nytt fortau i Åmot')
})

beforeEach(() => {
  clock.set('2026-12-01T09:00:00.000Z')
  sandbox = sandboxAdapter({
    name: 'website',
    targets: [{ id: 'sandbox', name: 'Sandkasse', public: true }],
  })
  setActiveRegistry(registry())
})

afterAll(async () => {
  setActiveRegistry(undefined)
  restoreClock?.()
  await hub?.cleanup()
})

describe('the ledger follows an item', () => {
  it('should enqueue a publish with the save and deliver it on dispatch', async () => {
    const doc = await publishNews()
    expect(await rows(doc)).toEqual([{ action: 'publish', status: 'pending' }])
    expect(await dispatchAll()).toBe(1)
    expect(await rows(doc)).toEqual([{ action: 'publish', status: 'delivered' }])
    expect(sandbox.records).toMatchObject([
      { action: 'publish', message: { title: 'Nytt fortau i Åmot' } },
    ])
  })

  it('should send an update with the prior receipt and a new revision when the published item changes', async () => {
    const doc = await publishNews()
    await dispatchAll()
    clock.set('2026-12-01T09:05:00.000Z')
    await hub.payload.update({
      collection: 'news',
      id: doc.id,
      data: { title: 'Nytt fortau i Åmot er ferdig' },
    })
    await dispatchAll()
    expect(await rows(doc)).toEqual([
      { action: 'publish', status: 'delivered' },
      { action: 'update', status: 'delivered' },
    ])
    const [first, second] = sandbox.records
    expect(second?.prior?.externalId).toBe(`sandbox-${first?.deliveryId}`)
    expect(second?.message?.revision).toBeGreaterThan(first?.message?.revision ?? Infinity)
  })

  it('should not enqueue anything when an editor saves a draft of a published item', async () => {
    const doc = await publishNews()
    await dispatchAll()
    await hub.payload.update({
      collection: 'news',
      id: doc.id,
      data: { title: 'Utkast' },
      draft: true,
    })
    expect(await rows(doc)).toEqual([{ action: 'publish', status: 'delivered' }])
  })

  it('should retract the copy when the item is unpublished', async () => {
    const doc = await publishNews()
    await dispatchAll()
    await hub.payload.update({ collection: 'news', id: doc.id, data: { _status: 'draft' } })
    await dispatchAll()
    expect((await rows(doc)).at(-1)).toEqual({ action: 'retract', status: 'delivered' })
    expect(sandbox.records.at(-1)?.action).toBe('retract')
  })

  it('should retract the copy when the item is deleted', async () => {
    const doc = await publishNews()
    await dispatchAll()
    await hub.payload.delete({ collection: 'news', id: doc.id })
    await dispatchAll()
    expect(await rows(doc)).toEqual([
      { action: 'publish', status: 'delivered' },
      { action: 'retract', status: 'delivered' },
    ])
  })

  it('should cancel a publish that never went out instead of retracting it', async () => {
    const doc = await publishNews()
    await hub.payload.update({ collection: 'news', id: doc.id, data: { _status: 'draft' } })
    expect(await rows(doc)).toEqual([{ action: 'publish', status: 'cancelled' }])
    expect(await dispatchAll()).toBe(0)
  })

  it('should supersede a pending update when a newer revision arrives', async () => {
    const doc = await publishNews()
    clock.set('2026-12-01T09:01:00.000Z')
    await hub.payload.update({ collection: 'news', id: doc.id, data: { title: 'Andre versjon' } })
    expect(await rows(doc)).toEqual([
      { action: 'publish', status: 'superseded' },
      { action: 'publish', status: 'pending' },
    ])
    await dispatchAll()
    expect(sandbox.records).toHaveLength(1)
    expect(sandbox.records[0]?.message?.title).toBe('Andre versjon')
  })

  it('should leave no delivery behind when the item write is rolled back', async () => {
    const req = await createLocalReq({}, hub.payload)
    await initTransaction(req)
    const doc = await hub.payload.create({
      collection: 'news',
      data: {
        title: 'Rulles tilbake',
        department,
        channels: ['website'],
        _status: 'published',
      } as never,
      req,
    })
    await killTransaction(req)
    expect(await rows(doc)).toEqual([])
  })

  it('should enqueue a scheduled item only once its publish time has come', async () => {
    const doc = await publishNews({ publishAt: '2026-12-02T07:00:00.000Z' })
    expect(await rows(doc)).toEqual([])
    clock.set('2026-12-02T07:00:00.000Z')
    await syncItemDeliveries({
      payload: hub.payload,
      registry: registry(),
      collection: 'news',
      id: doc.id,
      now: clock.now(),
    })
    expect(await rows(doc)).toEqual([{ action: 'publish', status: 'pending' }])
  })

  it('should never enqueue an internal item for a public target', async () => {
    const doc = await publishNews({ audience: 'internal', channels: ['website'] })
    expect(await rows(doc)).toEqual([])
  })

  it('should start a fresh ledger for a new item even when the database reuses a deleted id', async () => {
    const old = await publishNews()
    await dispatchAll()
    await hub.payload.delete({ collection: 'news', id: old.id })
    await dispatchAll()
    const fresh = await publishNews()
    expect(fresh.uid).not.toBe(old.uid)
    expect(await rows(fresh)).toEqual([{ action: 'publish', status: 'pending' }])
    await dispatchAll()
    expect(sandbox.records.at(-1)).toMatchObject({ action: 'publish', prior: undefined })
  })

  it('should deliver an internal item to a staff-only target', async () => {
    sandbox = sandboxAdapter({
      name: 'portal',
      targets: [{ id: 'portal', name: 'Ansattportalen', public: false }],
    })
    setActiveRegistry(registry())
    const doc = await publishNews({ audience: 'internal', channels: ['portal'] })
    expect(await rows(doc)).toEqual([{ action: 'publish', status: 'pending' }])
  })
})
