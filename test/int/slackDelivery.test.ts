import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { createRegistry } from '../../channels/registry'
import { slackAdapter } from '../../channels/slack'
import { fixedClock, setClock } from '../../src/clock'
import { setActiveRegistry } from '../../src/outbox/activeRegistry'
import { type SlackApi, startSlackApi } from '../fakes/slack-api'
import { deliveriesOf, dispatchUntilIdle } from '../helpers/ledgerTools'
import { newsPublisher } from '../helpers/newsPublisher'
import { startTestHub, type TestHub } from '../helpers/testHub'

let hub: TestHub
let slack: SlackApi
let publish: ReturnType<typeof newsPublisher>
const clock = fixedClock(new Date())
let restoreClock: () => void

const registry = () =>
  createRegistry([slackAdapter({ config: slack.config(), timeoutMs: 2000 })], {})

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
    data: { name: 'Personal og organisasjon', kind: 'etat' },
  })
  publish = newsPublisher(hub.payload, department.id, 'Ny turnusordning i hjemmetjenesten')
})

beforeEach(async () => {
  slack = await startSlackApi()
  setActiveRegistry(registry())
})

afterEach(async () => {
  setActiveRegistry(undefined)
  await slack.close()
})

afterAll(async () => {
  restoreClock?.()
  await hub?.cleanup()
})

describe('slack through the ledger', () => {
  it('should leave exactly one message when Slack posts and then answers 500', async () => {
    slack.script({ method: 'chat.postMessage', createdThen500: true })
    const doc = await publish({ channels: ['slack'] })
    await dispatchAll()
    expect((await deliveriesOfItem(doc.uid as string)).map((d) => d.status)).toEqual(['retrying'])

    advance()
    await dispatchAll()
    const [delivery] = await deliveriesOfItem(doc.uid as string)
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 2 })
    expect(slack.posts()).toHaveLength(1)
    expect(delivery?.externalId).toBe(slack.posts()[0]?.ts)
    expect(slack.duplicates()).toEqual({ deliveries: [], items: [] })
  })

  it('should leave one message when a newer revision supersedes a publish that posted and failed', async () => {
    slack.script({ method: 'chat.postMessage', createdThen500: true })
    const doc = await publish({ channels: ['slack'] })
    await dispatchAll()
    advance(1000) // before the retry is due: the retrying publish is superseded
    await hub.payload.update({ collection: 'news', id: doc.id, data: { title: 'Turnus endret' } })
    await dispatchAll()
    const rows = await deliveriesOfItem(doc.uid as string)
    expect(rows.map((d) => [d.action, d.status])).toEqual([
      ['publish', 'superseded'],
      ['publish', 'delivered'],
    ])
    expect(slack.posts()).toHaveLength(1)
    expect(slack.posts()[0]?.text).toMatch(/^Turnus endret/)
  })

  it('should deliver an internal item to the staff-only channel', async () => {
    const doc = await publish({ channels: ['slack'], audience: 'internal' })
    await dispatchAll()
    expect((await deliveriesOfItem(doc.uid as string)).map((d) => d.status)).toEqual(['delivered'])
    expect(slack.posts()[0]?.metadata?.event_payload).toMatchObject({ item_id: String(doc.id) })
  })

  it('should edit the same message, not post again, when the item is updated', async () => {
    const doc = await publish({ channels: ['slack'] })
    await dispatchAll()
    advance(60_000)
    await hub.payload.update({
      collection: 'news',
      id: doc.id,
      data: { title: 'Turnusordningen utsettes' },
    })
    await dispatchAll()
    expect(slack.calls('chat.postMessage')).toHaveLength(1)
    expect(slack.calls('chat.update')).toHaveLength(1)
    expect(slack.posts()[0]?.text).toMatch(/^Turnusordningen utsettes/)
  })

  it('should delete the message when the item is unpublished', async () => {
    const doc = await publish({ channels: ['slack'] })
    await dispatchAll()
    await hub.payload.update({ collection: 'news', id: doc.id, data: { _status: 'draft' } })
    await dispatchAll()
    expect(slack.calls('chat.delete')).toHaveLength(1)
    expect(slack.history('C0NYHETER1')).toEqual([])
  })
})
