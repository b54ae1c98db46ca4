import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type Caller, type createApi } from '../helpers/api'
import { communicationsDesk } from '../helpers/communicationsDesk'
import { startTestHub, type TestHub } from '../helpers/testHub'

let hub: TestHub
let api: ReturnType<typeof createApi>
let comms: Caller
let department: number
let serial = 0

type Item = { id: number; uid: string; revision: number }

async function liveItem(): Promise<Item> {
  serial += 1
  const doc = await hub.payload.create({
    collection: 'news',
    data: {
      title: 'Brøyting',
      slug: `broyting-${serial}`,
      department,
      _status: 'published',
    } as never,
  })
  return { id: doc.id, uid: doc.uid ?? '', revision: Date.parse(doc.updatedAt) }
}

async function delivery(
  status: 'dead' | 'pending' | 'delivered' | 'retrying' | 'cancelled',
  item?: Item,
  action: 'publish' | 'retract' = 'retract',
) {
  serial += 1
  return hub.payload.create({
    collection: 'deliveries',
    data: {
      itemCollection: 'news',
      itemId: String(item?.id ?? serial),
      itemUid: item?.uid ?? `uid-${serial}`,
      revision: item?.revision ?? 1,
      channel: 'website',
      target: 't',
      action,
      status,
      attempts: 8,
      idempotencyKey: `op-${serial}`,
    },
  })
}

beforeAll(async () => {
  hub = await startTestHub()
  ;({ api, comms, department } = await communicationsDesk(hub.payload, 'Kommunikasjon'))
})

afterAll(async () => {
  await hub?.cleanup()
})

describe('redrive and cancel', () => {
  it('should refuse anonymous callers', async () => {
    const row = await delivery('dead')
    expect((await api.rest('POST', `/deliveries/${row.id}/redrive`)).status).toBe(403)
    expect((await hub.payload.findByID({ collection: 'deliveries', id: row.id })).status).toBe(
      'dead',
    )
  })

  it('should put a dead delivery back in the queue with fresh attempts for staff', async () => {
    const row = await delivery('dead')
    const res = await api.rest('POST', `/deliveries/${row.id}/redrive`, comms)
    expect(res).toEqual({ status: 200, body: { id: row.id, status: 'pending' } })
    expect(await hub.payload.findByID({ collection: 'deliveries', id: row.id })).toMatchObject({
      status: 'pending',
      attempts: 0,
    })
  })

  it('should refuse to redrive a delivery that is not dead or cancelled', async () => {
    const row = await delivery('delivered')
    expect((await api.rest('POST', `/deliveries/${row.id}/redrive`, comms)).status).toBe(409)
  })

  it('should cancel a waiting delivery', async () => {
    const row = await delivery('retrying')
    expect((await api.rest('POST', `/deliveries/${row.id}/cancel`, comms)).status).toBe(200)
    expect((await hub.payload.findByID({ collection: 'deliveries', id: row.id })).status).toBe(
      'cancelled',
    )
  })

  it('should refuse to cancel a delivered delivery', async () => {
    const row = await delivery('delivered')
    expect((await api.rest('POST', `/deliveries/${row.id}/cancel`, comms)).status).toBe(409)
  })

  it('should answer 404 for a delivery that does not exist', async () => {
    expect((await api.rest('POST', '/deliveries/999999/cancel', comms)).status).toBe(404)
  })

  it('should not let staff edit the ledger directly over REST', async () => {
    const row = await delivery('dead')
    expect(
      (await api.rest('PATCH', `/deliveries/${row.id}`, comms, { status: 'delivered' })).status,
    ).toBe(403)
  })

  it('should redrive a dead publish while it still matches the live item', async () => {
    const item = await liveItem()
    const row = await delivery('dead', item, 'publish')
    expect((await api.rest('POST', `/deliveries/${row.id}/redrive`, comms)).status).toBe(200)
  })

  it('should refuse to redrive a publish of an item that has since been withdrawn', async () => {
    const item = await liveItem()
    const row = await delivery('cancelled', item, 'publish')
    await hub.payload.update({ collection: 'news', id: item.id, data: { _status: 'draft' } })
    const res = await api.rest('POST', `/deliveries/${row.id}/redrive`, comms)
    expect(res.status).toBe(409)
    expect((await hub.payload.findByID({ collection: 'deliveries', id: row.id })).status).toBe(
      'cancelled',
    )
  })

  it('should refuse to redrive a delivery that something newer for the same target replaced', async () => {
    const item = await liveItem()
    const old = await delivery('dead', item, 'publish')
    await delivery('delivered', item, 'retract')
    expect((await api.rest('POST', `/deliveries/${old.id}/redrive`, comms)).status).toBe(409)
  })
})
