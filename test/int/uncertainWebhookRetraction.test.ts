import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { portalAdapter } from '../../channels/portal'
import { createRegistry } from '../../channels/registry'
import { loadEndpointsFromPayload, websiteAdapter } from '../../channels/website'
import { fixedClock, setClock } from '../../src/clock'
import { setActiveRegistry } from '../../src/outbox/activeRegistry'
import {
  generateTestSecret,
  startWebsiteReceiver,
  type WebsiteReceiver,
} from '../fakes/website-receiver'
import { deliveriesOf, dispatchUntilIdle } from '../helpers/ledgerTools'
import { newsPublisher } from '../helpers/newsPublisher'
import { startTestHub, type TestHub } from '../helpers/testHub'

/**
 * A webhook the receiver processed before its answer was lost (stored-then-500) leaves nothing
 * the hub can look up. When the item is withdrawn before the retry, the retraction must still
 * go out: found in the crash test's reasoning, where editors retract items mid-run.
 */
let hub: TestHub
let receiver: WebsiteReceiver
let publish: ReturnType<typeof newsPublisher>
const endpointIds: number[] = []
const secret = generateTestSecret()
// Near real time: the receiver checks the signature's timestamp against its own clock.
const clock = fixedClock(new Date())
let restoreClock: () => void

const registry = () =>
  createRegistry(
    [
      websiteAdapter({
        loadEndpoints: loadEndpointsFromPayload(hub.payload, 'website'),
        timeoutMs: 2000,
      }),
      portalAdapter({
        loadEndpoints: loadEndpointsFromPayload(hub.payload, 'portal'),
        timeoutMs: 2000,
      }),
    ],
    {},
  )

async function dispatchAll(): Promise<void> {
  await dispatchUntilIdle({
    payload: hub.payload,
    registry: registry(),
    now: () => clock.now(),
    worker: 'test',
  })
}

type Body = { type: string; id: string }

/** What the receiver processed at `path`, in order: `item.published 12`, … */
function processed(path: string): string[] {
  return receiver.requests
    .filter((r) => r.accepted && r.path === path)
    .map((r) => `${(r.body as Body).type} ${(r.body as Body).id}`)
}

beforeAll(async () => {
  process.env.WEBHOOK_ALLOW_PRIVATE = 'true'
  hub = await startTestHub()
  restoreClock = setClock(clock)
  const department = await hub.payload.create({
    collection: 'departments',
    data: { name: 'Teknisk', kind: 'etat' },
  })
  publish = newsPublisher(hub.payload, department.id, 'Stengt vei ved Åmot bru')
})

beforeEach(async () => {
  receiver = await startWebsiteReceiver({ secrets: secret })
  for (const [name, channel, audiences] of [
    ['Nettsiden', 'website', ['public']],
    ['Ansattportalen', 'portal', ['public', 'internal']],
  ] as const) {
    const endpoint = await hub.payload.create({
      collection: 'channel-endpoints',
      data: { name, url: `${receiver.url}/${channel}`, channel, audiences, secret } as never,
    })
    endpointIds.push(endpoint.id)
  }
  setActiveRegistry(registry())
})

afterEach(async () => {
  setActiveRegistry(undefined)
  for (const id of endpointIds.splice(0)) {
    await hub.payload.delete({ collection: 'channel-endpoints', id })
  }
  await receiver.close()
})

afterAll(async () => {
  restoreClock?.()
  delete process.env.WEBHOOK_ALLOW_PRIVATE
  await hub?.cleanup()
})

describe('retracting a webhook the receiver may have processed unseen', () => {
  it.each(['website', 'portal'])(
    'should send item.retracted to the %s endpoint that stored the publish before answering 500',
    async (channel) => {
      receiver.script.push({ status: 200, thenFail: true })
      const doc = await publish({ channels: [channel] })
      await dispatchAll()
      expect(processed(`/${channel}`)).toEqual([`item.published ${doc.id}`])

      // Withdrawn before the retry: the publish is cancelled, and its copy may be out there.
      await hub.payload.update({ collection: 'news', id: doc.id, data: { _status: 'draft' } })
      clock.set(new Date(clock.now().getTime() + 60_000))
      await dispatchAll()

      expect(processed(`/${channel}`)).toEqual([
        `item.published ${doc.id}`,
        `item.retracted ${doc.id}`,
      ])
      const rows = await deliveriesOf(hub.payload, doc.uid as string)
      expect(rows.map((r) => [r.action, r.status])).toEqual([
        ['publish', 'cancelled'],
        ['retract', 'delivered'],
      ])
    },
  )

  it('should send nothing when the publish was never attempted', async () => {
    const doc = await publish({ channels: ['website'] })
    await hub.payload.update({ collection: 'news', id: doc.id, data: { _status: 'draft' } })
    await dispatchAll()
    expect(receiver.requests).toEqual([])
  })
})
