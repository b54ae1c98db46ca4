import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import type { ChannelItem } from '../../channels/contract'
import { createRegistry } from '../../channels/registry'
import { alertEditors } from '../../src/outbox/alertEditors'
import { claimDue } from '../../src/outbox/claimDue'
import { createDispatcher } from '../../src/outbox/createDispatcher'
import { dispatchDue } from '../../src/outbox/dispatchDue'
import { settleDeliveries } from '../../src/outbox/settleDelivery'
import { startSlackApi } from '../fakes/slack-api'
import { scriptedChannel } from '../helpers/scriptedChannel'
import { startTestHub, type TestHub } from '../helpers/testHub'

let hub: TestHub
let sequence = 0
const T0 = new Date('2026-12-01T09:00:00.000Z')
let now = T0

function snapshot(id: string): ChannelItem {
  return {
    collection: 'news',
    id,
    revision: 1,
    slug: `sak-${id}`,
    title: `Sak ${id}`,
    lead: '',
    audience: 'public',
    url: `https://www.modum.kommune.no/nyheter/sak-${id}`,
    language: 'nb',
    variants: {},
    publishedAt: T0.toISOString(),
    updatedAt: T0.toISOString(),
    data: {},
  }
}

async function enqueue(channel: string, count = 1): Promise<number[]> {
  const ids: number[] = []
  for (let i = 0; i < count; i++) {
    sequence += 1
    const row = await hub.payload.create({
      collection: 'deliveries',
      data: {
        itemCollection: 'news',
        itemId: String(sequence),
        itemUid: `uid-${sequence}`,
        itemTitle: `Sak ${sequence}`,
        revision: 1,
        channel,
        target: 'main',
        action: 'publish',
        status: 'pending',
        attempts: 0,
        idempotencyKey: `key-${sequence}`,
        snapshot: snapshot(String(sequence)),
      },
    })
    ids.push(row.id)
  }
  return ids
}

async function row(id: number) {
  return hub.payload.findByID({ collection: 'deliveries', id, depth: 0 })
}

function round(channels: ReturnType<typeof scriptedChannel>[]) {
  return dispatchDue({
    payload: hub.payload,
    registry: createRegistry(
      channels.map((c) => c.adapter),
      {},
    ),
    now: () => now,
    worker: 'test',
    random: () => 0.5,
  })
}

beforeAll(async () => {
  hub = await startTestHub()
})

beforeEach(async () => {
  now = T0
  await hub.payload.delete({ collection: 'delivery-attempts', where: { id: { exists: true } } })
  await hub.payload.delete({ collection: 'deliveries', where: { id: { exists: true } } })
})

afterAll(async () => {
  await hub?.cleanup()
})

describe('settleDeliveries', () => {
  it('should settle a batch together and report a lost lease only for the row that lost it', async () => {
    await enqueue('facebook', 2)
    const [first, second] = await claimDue(hub.payload, { now: T0, leaseMs: 1000, limit: 2 })
    if (!first || !second) throw new Error('expected two claimed rows')
    const ctx = { now: T0, startedAt: T0, worker: 'test' }
    const results = await settleDeliveries(hub.payload, [
      { claimed: first, settlement: { outcome: 'delivered', receipt: { externalId: 'p1' } }, ctx },
      {
        claimed: { ...second, leaseToken: 'someone-else' },
        settlement: { outcome: 'delivered' },
        ctx,
      },
    ])
    expect(results.map((r) => r.status)).toEqual(['delivered', 'lease-lost'])
    expect((await row(first.id)).externalId).toBe('p1')
    expect((await row(second.id)).status).toBe('in_flight')
    const attempts = await hub.payload.find({ collection: 'delivery-attempts', depth: 0 })
    expect(attempts.totalDocs).toBe(2)
  })
})

describe('dispatch after an ambiguous failure', () => {
  it('should find the copy an earlier attempt created instead of creating it again', async () => {
    const facebook = scriptedChannel('facebook')
    facebook.script.push('created-then-fail')
    const [id = 0] = await enqueue('facebook')
    await round([facebook])
    expect((await row(id)).status).toBe('retrying')
    now = new Date(T0.getTime() + 10_000)
    await round([facebook])
    expect(facebook.calls.deliver).toBe(1)
    expect((await row(id)).status).toBe('delivered')
    expect((await row(id)).externalId).toBe(`sandbox-dlv_${id}`)
  })

  it('should not look for a copy on a first attempt', async () => {
    const facebook = scriptedChannel('facebook')
    await enqueue('facebook')
    await round([facebook])
    expect(facebook.calls.find).toBe(0)
  })
})

describe('channel pause on rate limits', () => {
  it('should move every waiting delivery of a throttled channel to the end of the pause', async () => {
    const facebook = scriptedChannel('facebook')
    facebook.script.push({ rateLimited: 600 })
    const [, ...waiting] = await enqueue('facebook', 3)
    await dispatchDue({ ...roundOptions([facebook]), limit: 1 })
    for (const id of waiting) {
      const at = new Date((await row(id)).nextAttemptAt ?? 0).getTime()
      expect(at).toBeGreaterThanOrEqual(T0.getTime() + 600_000)
    }
  })

  it('should not claim deliveries of a paused channel', async () => {
    const paused = await enqueue('facebook', 2)
    const [slackRow = 0] = await enqueue('slack')
    const claimed = await claimDue(hub.payload, {
      now,
      leaseMs: 60_000,
      limit: 10,
      skipChannels: ['facebook'],
    })
    expect(claimed.map((c) => c.id)).toEqual([slackRow])
    for (const id of paused) expect((await row(id)).status).toBe('pending')
  })

  it('should go on delivering to other channels while one is paused', async () => {
    const facebook = scriptedChannel('facebook')
    const slack = scriptedChannel('slack')
    facebook.script.push({ rateLimited: 600 })
    await enqueue('facebook', 2)
    const [slackRow = 0] = await enqueue('slack')
    await dispatchDue({ ...roundOptions([facebook, slack]), limit: 1 })
    await round([facebook, slack])
    expect((await row(slackRow)).status).toBe('delivered')
    expect(facebook.calls.deliver).toBe(1)
  })
})

describe('editor alerts', () => {
  it('should alert the editors once, in the Slack alert channel, when a delivery goes dead', async () => {
    const slack = await startSlackApi()
    const saved = { ...process.env }
    Object.assign(process.env, slack.config())
    try {
      const facebook = scriptedChannel('facebook')
      facebook.script.push('refused')
      await enqueue('facebook')
      await dispatchDue({
        ...roundOptions([facebook]),
        onDead: (dead) => alertEditors(hub.payload, dead),
      })
      await vi.waitFor(() => expect(slack.history('C0VARSLER1')).toHaveLength(1))
      expect(slack.history('C0VARSLER1')[0]?.text).toContain('til Facebook-siden feilet for godt')
    } finally {
      process.env = saved
      await slack.close()
    }
  })
})

describe('createDispatcher', () => {
  it('should deliver everything due with no more attempts in flight than its concurrency', async () => {
    const portal = scriptedChannel('portal', { slowMs: 5 })
    const ids = await enqueue('portal', 40)
    const dispatcher = createDispatcher({ ...roundOptions([portal]), concurrency: 6 })
    dispatcher.wake()
    await dispatcher.idle()
    await dispatcher.stop()
    const docs = await rowsOf(ids)
    expect(docs.filter((d) => d.status === 'delivered')).toHaveLength(40)
    expect(portal.calls.maxInFlight).toBeLessThanOrEqual(6)
  })

  it('should claim up to its room plus claimAhead and start the rest as attempts finish', async () => {
    let open = () => {}
    const portal = scriptedChannel('portal', { gate: new Promise((r) => (open = r)) })
    const ids = await enqueue('portal', 10)
    const dispatcher = createDispatcher({
      ...roundOptions([portal]),
      concurrency: 4,
      claimAhead: 4,
    })
    try {
      dispatcher.wake()
      await vi.waitFor(() => expect(portal.calls.inFlight).toBe(4))
      expect(await statusCount(ids, 'in_flight')).toBe(8)
      open()
      await dispatcher.idle()
      expect(await statusCount(ids, 'delivered')).toBe(10)
      expect(portal.calls.maxInFlight).toBe(4)
    } finally {
      open()
      await dispatcher.stop()
    }
  })

  it('should give back the rows it claimed ahead for a channel that was paused meanwhile', async () => {
    const facebook = scriptedChannel('facebook')
    facebook.script.push({ rateLimited: 600 })
    const [, ...ahead] = await enqueue('facebook', 3)
    const dispatcher = createDispatcher({
      ...roundOptions([facebook]),
      concurrency: 1,
      claimAhead: 2,
    })
    dispatcher.wake()
    await dispatcher.idle()
    await dispatcher.stop()
    expect(facebook.calls.deliver).toBe(1)
    for (const id of ahead) {
      const stored = await row(id)
      expect(stored).toMatchObject({ status: 'pending', attempts: 0 })
      expect(new Date(stored.nextAttemptAt ?? 0).getTime()).toBe(T0.getTime() + 600_000)
    }
  })

  it('should give back unattempted the rows it claimed ahead when it stops', async () => {
    const portal = scriptedChannel('portal', { gate: new Promise(() => {}) })
    const ids = await enqueue('portal', 10)
    const dispatcher = createDispatcher({
      ...roundOptions([portal]),
      concurrency: 4,
      claimAhead: 4,
    })
    dispatcher.wake()
    await vi.waitFor(() => expect(portal.calls.inFlight).toBe(4))
    await dispatcher.stop()
    const docs = await rowsOf(ids)
    const given = docs.filter((d) => d.status === 'pending')
    expect(given).toHaveLength(6)
    expect(given.every((d) => d.attempts === 0 && !d.leaseToken)).toBe(true)
    expect(docs.filter((d) => d.status === 'retrying')).toHaveLength(4)
    const attempts = await hub.payload.count({ collection: 'delivery-attempts' })
    expect(attempts.totalDocs).toBe(4)
  })
})

async function rowsOf(ids: number[]) {
  const { docs } = await hub.payload.find({
    collection: 'deliveries',
    where: { id: { in: ids } },
    pagination: false,
    depth: 0,
  })
  return docs
}

async function statusCount(ids: number[], status: string): Promise<number> {
  const { totalDocs } = await hub.payload.count({
    collection: 'deliveries',
    where: { and: [{ id: { in: ids } }, { status: { equals: status } }] },
  })
  return totalDocs
}

function roundOptions(channels: ReturnType<typeof scriptedChannel>[]) {
  return {
    payload: hub.payload,
    registry: createRegistry(
      channels.map((c) => c.adapter),
      {},
    ),
    now: () => now,
    worker: 'test',
    random: () => 0.5,
  }
}
