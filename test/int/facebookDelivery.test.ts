import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { facebookAdapter } from '../../channels/facebook'
import { createRegistry } from '../../channels/registry'
import { fixedClock, setClock } from '../../src/clock'
import { setActiveRegistry } from '../../src/outbox/activeRegistry'
import { type GraphApi, startGraphApi } from '../fakes/graph-api'
import { deliveriesOf, dispatchUntilIdle } from '../helpers/ledgerTools'
import { newsPublisher } from '../helpers/newsPublisher'
import { startTestHub, type TestHub } from '../helpers/testHub'

let hub: TestHub
let graph: GraphApi
let publish: ReturnType<typeof newsPublisher>
const clock = fixedClock(new Date())
let restoreClock: () => void

const registry = () =>
  createRegistry(
    [
      facebookAdapter({
        config: {
          FACEBOOK_PAGE_ID: graph.pageId,
          FACEBOOK_PAGE_TOKEN: graph.token,
          FACEBOOK_GRAPH_URL: graph.url,
        },
        timeoutMs: 2000,
      }),
    ],
    {},
  )

function dispatchAll(): Promise<number> {
  const now = () => clock.now()
  return dispatchUntilIdle({
    payload: hub.payload,
    registry: registry(),
    now,
    worker: 'test',
    random: () => 0.5,
  })
}

/** Past the first retry's backoff (5 s, ±20 %). */
function advance(ms = 10_000): void {
  clock.set(new Date(clock.now().getTime() + ms))
}

function deliveriesOfItem(uid: string) {
  return deliveriesOf(hub.payload, uid)
}

beforeAll(async () => {
  hub = await startTestHub()
  restoreClock = setClock(clock)
  const department = await hub.payload.create({
    collection: 'departments',
    data: { name: 'Kommunikasjon', kind: 'etat' },
  })
  publish = newsPublisher(hub.payload, department.id, 'Ny sykkelvei i Vikersund')
})

beforeEach(async () => {
  graph = await startGraphApi()
  setActiveRegistry(registry())
})

afterEach(async () => {
  setActiveRegistry(undefined)
  await graph.close()
})

afterAll(async () => {
  restoreClock?.()
  await hub?.cleanup()
})

describe('facebook through the ledger', () => {
  it('should leave exactly one post when Facebook posts and then answers 500', async () => {
    graph.configure({ mode: 'createdThen500', modeTimes: 1 })
    const doc = await publish({ channels: ['facebook'] })
    await dispatchAll()
    expect((await deliveriesOfItem(doc.uid as string)).map((d) => d.status)).toEqual(['retrying'])

    advance()
    await dispatchAll()
    const [delivery] = await deliveriesOfItem(doc.uid as string)
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 2 })
    expect(graph.posts).toHaveLength(1)
    expect(delivery?.externalId).toBe(graph.posts[0]?.id)
    expect(graph.duplicates).toEqual([])
  })

  it('should leave one post when a newer revision supersedes a publish that posted and failed', async () => {
    graph.configure({ mode: 'createdThen500', modeTimes: 1 })
    const doc = await publish({ channels: ['facebook'] })
    await dispatchAll()
    advance(1000) // before the retry is due: the retrying publish is superseded
    await hub.payload.update({ collection: 'news', id: doc.id, data: { title: 'Sykkelvei åpner' } })
    await dispatchAll()
    const rows = await deliveriesOfItem(doc.uid as string)
    expect(rows.map((d) => [d.action, d.status])).toEqual([
      ['publish', 'superseded'],
      ['publish', 'delivered'],
    ])
    expect(graph.posts).toHaveLength(1)
    expect(graph.posts[0]?.message).toMatch(/^Sykkelvei åpner/)
  })

  it('should edit the same post, not post again, when the item is updated', async () => {
    const doc = await publish({ channels: ['facebook'] })
    await dispatchAll()
    advance(60_000)
    await hub.payload.update({
      collection: 'news',
      id: doc.id,
      data: { title: 'Ny sykkelvei i Vikersund åpner i mai' },
    })
    await dispatchAll()
    expect(graph.posts).toHaveLength(1)
    expect(graph.operations.map((op) => op.kind)).toEqual(['create', 'update'])
    expect(graph.posts[0]?.message).toMatch(/^Ny sykkelvei i Vikersund åpner i mai/)
    expect(graph.scrapes).toHaveLength(1)
  })

  it('should delete the post when the item is unpublished', async () => {
    const doc = await publish({ channels: ['facebook'] })
    await dispatchAll()
    await hub.payload.update({ collection: 'news', id: doc.id, data: { _status: 'draft' } })
    await dispatchAll()
    expect(graph.livePosts()).toEqual([])
    expect(graph.operations.map((op) => op.kind)).toEqual(['create', 'delete'])
  })
})
