import Parser from 'rss-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startFeedsHub, type FeedsHub } from '../helpers/feedsHub'

type Item = Parser.Item & { guid?: string; 'content:encoded'?: string }
const parser = new Parser<Record<string, unknown>, Item>()

let feeds: FeedsHub
let department: number
let serial = 0

async function rss(path: string) {
  const res = await feeds.get(path)
  expect(res.status).toBe(200)
  return parser.parseString(await res.text())
}

async function news(data: Record<string, unknown> = {}) {
  serial += 1
  const doc = await feeds.hub.payload.create({
    collection: 'news',
    data: {
      title: `Ny barnehage på Vikersund ${serial}`,
      lead: 'Kommunestyret har vedtatt å bygge en ny barnehage.',
      slug: `ny-barnehage-${serial}`,
      department,
      channels: ['feeds'],
      _status: 'published',
      ...data,
    } as never,
  })
  await feeds.drain()
  return doc
}

beforeAll(async () => {
  feeds = await startFeedsHub('2026-12-01T09:00:00.000Z')
  department = (
    await feeds.hub.payload.create({
      collection: 'departments',
      data: { name: 'Oppvekst', kind: 'etat' },
    })
  ).id
})

afterAll(async () => {
  await feeds?.close()
})

describe('feeds through the ledger', () => {
  it('should put a published news item into news.rss with a GUID that survives an edit', async () => {
    const doc = await news()
    const before = (await rss('/feeds/news.rss')).items.find((i) => i.title === doc.title)
    expect(before?.guid).toBe(`urn:uuid:${doc.uid as string}`)

    feeds.clock.set('2026-12-01T09:05:00.000Z')
    await feeds.hub.payload.update({
      collection: 'news',
      id: doc.id,
      data: { title: 'Ny barnehage på Vikersund blir større' },
    })
    await feeds.drain()
    const after = (await rss('/feeds/news.rss')).items.filter((i) => i.guid === before?.guid)
    expect(after.map((i) => i.title)).toEqual(['Ny barnehage på Vikersund blir større'])
  })

  it('should take an unpublished item out of every feed it was in', async () => {
    const doc = await news()
    expect((await rss('/feeds/news.rss')).items.map((i) => i.title)).toContain(doc.title)
    expect((await rss('/feeds/departments/oppvekst.rss')).items.map((i) => i.title)).toContain(
      doc.title,
    )
    await feeds.hub.payload.update({
      collection: 'news',
      id: doc.id,
      data: { _status: 'draft' },
    })
    await feeds.drain()
    expect((await rss('/feeds/news.rss')).items.map((i) => i.title)).not.toContain(doc.title)
    expect((await rss('/feeds/departments/oppvekst.rss')).items.map((i) => i.title)).not.toContain(
      doc.title,
    )
  })

  it('should keep an embargoed press release out of every feed until the tick after the embargo', async () => {
    feeds.clock.set('2026-12-01T10:00:00.000Z')
    const doc = await news({
      type: 'press-release',
      contact: { name: 'Kari Nordmann', phone: '+47 32 78 00 00' },
      embargoUntil: '2026-12-01T11:00:00.000Z',
    })
    await feeds.tick()
    for (const path of ['/feeds/news.rss', '/feeds/press.rss']) {
      expect((await rss(path)).items.map((i) => i.title)).not.toContain(doc.title)
    }
    expect(await (await feeds.get('/feeds/press.json')).text()).not.toContain(doc.title)

    feeds.clock.set('2026-12-01T11:00:04.000Z')
    await feeds.tick()
    const press = (await rss('/feeds/press.rss')).items.find((i) => i.title === doc.title)
    expect(press?.['content:encoded']).toContain('Kari Nordmann')
    expect(new Date(press?.pubDate ?? '').toISOString()).toBe('2026-12-01T11:00:00.000Z')
    expect((await rss('/feeds/news.rss')).items.map((i) => i.title)).toContain(doc.title)
  })

  it('should leave an expired item out of every feed after the tick at its expiry', async () => {
    feeds.clock.set('2026-12-01T12:00:00.000Z')
    const doc = await news({ expiresAt: '2026-12-01T13:00:00.000Z' })
    expect((await rss('/feeds/news.rss')).items.map((i) => i.title)).toContain(doc.title)
    feeds.clock.set('2026-12-01T13:00:03.000Z')
    await feeds.tick()
    expect((await rss('/feeds/news.rss')).items.map((i) => i.title)).not.toContain(doc.title)
  })

  it('should record each feed the item entered as a delivered delivery in the ledger', async () => {
    const doc = await news()
    const { docs } = await feeds.hub.payload.find({
      collection: 'deliveries',
      where: { itemUid: { equals: doc.uid } },
      depth: 0,
    })
    expect(docs.map((d) => [d.target, d.status]).sort()).toEqual([
      ['departments/oppvekst', 'delivered'],
      ['news', 'delivered'],
    ])
  })
})
