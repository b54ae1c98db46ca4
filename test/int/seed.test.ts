import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seedDemo } from '../../src/seed/seedDemo'
import { createApi } from '../helpers/api'
import { startTestHub, type TestHub } from '../helpers/testHub'

let hub: TestHub

beforeAll(async () => {
  hub = await startTestHub()
})

afterAll(async () => {
  await hub?.cleanup()
})

type NewsDoc = {
  slug: string
  audience: string
  _status: string
  publishAt?: string | null
  embargoUntil?: string | null
}

describe('demo seed', () => {
  it('should create the demo content the issue asks for', async () => {
    const summary = await seedDemo(hub.payload)
    expect(summary.adminPasswordSource).toBe('generated')
    expect(summary.adminPassword).toMatch(/\S{8,}/)
    const { payload } = hub
    const count = async (
      collection: 'news' | 'events' | 'service-messages' | 'screens' | 'departments',
    ) => (await payload.count({ collection })).totalDocs
    expect(await count('news')).toBeGreaterThanOrEqual(10)
    expect(await count('events')).toBeGreaterThanOrEqual(5)
    expect(await count('service-messages')).toBeGreaterThanOrEqual(1)
    expect(await count('screens')).toBe(2)
    const names = (await payload.find({ collection: 'departments', pagination: false })).docs.map(
      (d) => d.name,
    )
    expect(names).toEqual(
      expect.arrayContaining(['Oppvekst', 'Helse og omsorg', 'Teknisk drift', 'Kultur']),
    )
    const news = (await payload.find({ collection: 'news', pagination: false, draft: true })).docs
    expect(news.filter((n) => n.audience === 'internal')).toHaveLength(1)
    expect(news.some((n) => n.type === 'press-release' && n.contact?.name)).toBe(true)
    expect(news.some((n) => n.publishAt && new Date(n.publishAt) > new Date())).toBe(true)
    expect(news.some((n) => n._status === 'draft')).toBe(true)
    const brand = await payload.findGlobal({ slug: 'brand' })
    expect(brand.coatOfArms).toBeTruthy()
    // The whole demo (images with their renditions, brand assets, screens, the first deliveries)
    // takes about 30 s on PostgreSQL on two cores, and more than 60 s when they are busy.
  }, 180_000)

  it('should create nothing on a second run', async () => {
    const summary = await seedDemo(hub.payload)
    expect(Object.values(summary.created).every((n) => n === 0)).toBe(true)
    expect(summary.adminPasswordSource).toBe('existing')
  })

  it('should not bring back a deleted demo item when seeding only into an empty database', async () => {
    const { docs } = await hub.payload.find({
      collection: 'news',
      limit: 1,
      where: { _status: { equals: 'published' } },
    })
    await hub.payload.delete({ collection: 'news', id: docs[0]!.id })
    const before = (await hub.payload.count({ collection: 'news' })).totalDocs
    await seedDemo(hub.payload, { onlyIntoEmptyDatabase: true })
    expect((await hub.payload.count({ collection: 'news' })).totalDocs).toBe(before)
  })

  it('should show anonymous callers no internal, scheduled, embargoed or draft demo news', async () => {
    const api = createApi(hub.payload)
    const res = await api.rest<{ docs: NewsDoc[] }>('GET', '/news?limit=100&depth=0')
    expect(res.status).toBe(200)
    expect(res.body.docs.length).toBeGreaterThan(5)
    const now = Date.now()
    for (const doc of res.body.docs) {
      expect(doc.audience).not.toBe('internal')
      expect(doc._status).toBe('published')
      for (const at of [doc.publishAt, doc.embargoUntil]) {
        if (at) expect(new Date(at).getTime()).toBeLessThanOrEqual(now)
      }
    }
  })
})
