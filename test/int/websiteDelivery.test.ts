import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { createRegistry } from '../../channels/registry'
import { disableEndpoint, loadEndpointsFromPayload, websiteAdapter } from '../../channels/website'
import { fixedClock, setClock } from '../../src/clock'
import { setActiveRegistry } from '../../src/outbox/activeRegistry'
import { dispatchDue } from '../../src/outbox/dispatchDue'
import {
  generateTestSecret,
  startWebsiteReceiver,
  type WebsiteReceiver,
} from '../fakes/website-receiver'
import { startTestHub, type TestHub } from '../helpers/testHub'

let hub: TestHub
let receiver: WebsiteReceiver
let endpointId: number
let department: number
let serial = 0
const secret = generateTestSecret()
const clock = fixedClock(new Date())
let restoreClock: () => void

const registry = () =>
  createRegistry(
    [
      websiteAdapter({
        loadEndpoints: loadEndpointsFromPayload(hub.payload),
        disableEndpoint: (id, reason) => disableEndpoint(hub.payload, id, reason),
      }),
    ],
    {},
  )

async function dispatchAll(): Promise<void> {
  while (
    (await dispatchDue({
      payload: hub.payload,
      registry: registry(),
      now: () => clock.now(),
      worker: 'test',
    })) > 0
  ) {
    // until nothing is due
  }
}

async function publish() {
  serial += 1
  return hub.payload.create({
    collection: 'news',
    data: {
      title: 'Kommunestyremøte',
      slug: `mote-${serial}`,
      department,
      channels: ['website'],
      _status: 'published',
    } as never,
  })
}

type Body = { type: string; id: string; revision: number; data?: unknown }

beforeAll(async () => {
  process.env.WEBHOOK_ALLOW_PRIVATE = 'true'
  hub = await startTestHub()
  restoreClock = setClock(clock)
  department = (
    await hub.payload.create({
      collection: 'departments',
      data: { name: 'Sentraladministrasjonen', kind: 'etat' },
    })
  ).id
})

beforeEach(async () => {
  receiver = await startWebsiteReceiver({ secrets: secret })
  const endpoint = await hub.payload.create({
    collection: 'channel-endpoints',
    data: { name: 'Nettsiden', url: `${receiver.url}/hooks`, secret } as never,
  })
  endpointId = endpoint.id
  setActiveRegistry(registry())
})

afterEach(async () => {
  setActiveRegistry(undefined)
  await hub.payload.delete({ collection: 'channel-endpoints', id: endpointId })
  await receiver.close()
})

afterAll(async () => {
  restoreClock?.()
  delete process.env.WEBHOOK_ALLOW_PRIVATE
  await hub?.cleanup()
})

describe('website webhooks through the ledger', () => {
  it('should deliver a published item as a verified item.published webhook', async () => {
    const doc = await publish()
    await dispatchAll()
    expect(receiver.requests).toHaveLength(1)
    const [request] = receiver.requests
    expect(request?.verified).toBe(true)
    expect(request?.body).toMatchObject({
      type: 'item.published',
      id: String(doc.id),
      collection: 'news',
    })
  })

  it('should send item.updated with the same id and a newer revision after an edit', async () => {
    const doc = await publish()
    await dispatchAll()
    clock.set(new Date(clock.now().getTime() + 60_000))
    await hub.payload.update({
      collection: 'news',
      id: doc.id,
      data: { title: 'Kommunestyremøte flyttet' },
    })
    await dispatchAll()
    const [first, second] = receiver.requests.map((r) => r.body as Body)
    expect(second).toMatchObject({ type: 'item.updated', id: first?.id })
    expect(second!.revision).toBeGreaterThan(first!.revision)
  })

  it('should send item.retracted without data when the item is unpublished', async () => {
    const doc = await publish()
    await dispatchAll()
    await hub.payload.update({ collection: 'news', id: doc.id, data: { _status: 'draft' } })
    await dispatchAll()
    const last = receiver.requests.at(-1)?.body as Body
    expect(last).toMatchObject({ type: 'item.retracted', id: String(doc.id) })
    expect(last.data).toBeUndefined()
  })

  it('should mark the delivery dead and disable the endpoint when the receiver answers 410', async () => {
    receiver.script.push({ status: 410 })
    const doc = await publish()
    await dispatchAll()
    const { docs } = await hub.payload.find({
      collection: 'deliveries',
      where: { itemUid: { equals: doc.uid } },
    })
    expect(docs.map((d) => d.status)).toEqual(['dead'])
    const endpoint = await hub.payload.findByID({ collection: 'channel-endpoints', id: endpointId })
    expect(endpoint).toMatchObject({ enabled: false })
    expect(String(endpoint.disabledReason)).toMatch(/410|finnes ikke/)
  })
})
