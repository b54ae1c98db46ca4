import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createRegistry } from '../../channels/registry'
import { sandboxAdapter } from '../../channels/sandbox/sandboxAdapter'
import { withdrawExpiredImages } from '../../media/rights/withdrawExpiredImages'
import { fixedClock, setClock } from '../../src/clock'
import { setActiveRegistry } from '../../src/outbox/activeRegistry'
import type { Caller, createApi } from '../helpers/api'
import { communicationsDesk } from '../helpers/communicationsDesk'
import { formData, png16Bit } from '../helpers/mediaFixtures'
import { rawResponse } from '../helpers/rawGet'
import { newsPublisher } from '../helpers/newsPublisher'
import { startTestHub, type TestHub } from '../helpers/testHub'

type Rendition = { preset: string; format: string; url: string; alt: string; credit: string | null }

let hub: TestHub
let api: ReturnType<typeof createApi>
let comms: Caller
let department: number
const clock = fixedClock('2026-12-01T09:00:00.000Z')
let restoreClock: (() => void) | undefined

beforeAll(async () => {
  hub = await startTestHub()
  ;({ api, comms, department } = await communicationsDesk(hub.payload, 'Eiendom'))
  restoreClock = setClock(clock)
  const sandbox = sandboxAdapter({
    name: 'website',
    targets: [{ id: 'sandbox', name: 'Sandkasse', public: true }],
  })
  setActiveRegistry(createRegistry([sandbox], {}))
})

afterAll(async () => {
  setActiveRegistry(undefined)
  restoreClock?.()
  await hub?.cleanup()
})

async function uploadImage(fields: Record<string, unknown>) {
  return api.rest<{ doc: { id: number; renditions: Rendition[] }; errors?: unknown[] }>(
    'POST',
    '/media',
    comms,
    formData(await png16Bit(), fields),
  )
}

describe('rights and alt text', () => {
  it('should refuse an image of identifiable people without consent', async () => {
    const res = await uploadImage({ alt: 'To personer', identifiablePeople: true })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toContain('samtykke')
    const ok = await uploadImage({
      alt: 'To personer',
      identifiablePeople: true,
      consentObtained: true,
    })
    expect(ok.status).toBe(201)
  })

  it('should carry empty alt text, not a missing one, on every rendition of a decorative image', async () => {
    const res = await uploadImage({
      alt: 'Skal ikke brukes',
      decorative: true,
      credit: 'Modum kommune',
    })
    expect(res.status).toBe(201)
    expect(res.body.doc.renditions.length).toBeGreaterThan(0)
    for (const r of res.body.doc.renditions) {
      expect(r.alt).toBe('')
      expect(r.credit).toBe('Modum kommune')
    }
    const missing = await uploadImage({ alt: '  ' })
    expect(missing.status).toBe(400)
  })

  it('should withdraw an image when its rights expire: flag its items, update the channels, stop serving it', async () => {
    const upload = await uploadImage({
      alt: 'Rådhuset',
      credit: 'Foto: Byrå AS',
      licence: 'licensed',
      rightsExpireAt: '2026-12-02T00:00:00.000Z',
    })
    expect(upload.status).toBe(201)
    const image = upload.body.doc
    const news = await newsPublisher(hub.payload, department, 'Nytt rådhus')({ image: image.id })
    const before = await hub.payload.find({
      collection: 'deliveries',
      where: { itemId: { equals: String(news.id) } },
    })
    expect(before.docs.map((d) => d.action)).toEqual(['publish'])
    const rendition = image.renditions[0]!
    expect((await rawResponse(hub.payload, new URL(rendition.url).pathname)).status).toBe(200)

    expect(await withdrawExpiredImages({ payload: hub.payload, now: clock.now() })).toBe(0)
    clock.set('2026-12-02T00:00:05.000Z')
    expect(await withdrawExpiredImages({ payload: hub.payload, now: clock.now() })).toBe(1)
    expect(await withdrawExpiredImages({ payload: hub.payload, now: clock.now() })).toBe(0)

    const item = await hub.payload.findByID({ collection: 'news', id: news.id })
    expect(item.imageWithdrawnAt).toBe('2026-12-02T00:00:05.000Z')
    const after = await hub.payload.find({
      collection: 'deliveries',
      where: { itemId: { equals: String(news.id) } },
      sort: 'createdAt',
    })
    // A new revision went to the ledger, carrying the flag (the first publish had not gone out
    // yet, so it is superseded rather than updated).
    expect(after.docs).toHaveLength(2)
    expect(after.docs[0]?.status).toBe('superseded')
    const latest = after.docs[1]
    expect(latest?.revision).toBeGreaterThan(after.docs[0]?.revision ?? Infinity)
    const snapshot = latest?.snapshot as { data?: { imageWithdrawnAt?: string } }
    expect(snapshot.data?.imageWithdrawnAt).toBe('2026-12-02T00:00:05.000Z')
    const media = await hub.payload.findByID({ collection: 'media', id: image.id })
    expect(media.renditions).toEqual([])
    expect((await rawResponse(hub.payload, new URL(rendition.url).pathname, comms)).status).toBe(
      410,
    )
    expect((await api.rest('GET', `/media/${image.id}`)).status).not.toBe(200)
  })

  it("should flag the published item without publishing an editor's pending draft", async () => {
    clock.set('2026-12-01T09:00:00.000Z')
    const upload = await uploadImage({
      alt: 'Kirkebygda skole',
      licence: 'licensed',
      rightsExpireAt: '2026-12-03T00:00:00.000Z',
    })
    const news = await newsPublisher(
      hub.payload,
      department,
      'Ny skolerute',
    )({
      image: upload.body.doc.id,
    })
    await hub.payload.update({
      collection: 'news',
      id: news.id,
      draft: true,
      data: { title: 'Ny skolerute (utkast)' },
    })
    clock.set('2026-12-03T00:00:05.000Z')
    await withdrawExpiredImages({ payload: hub.payload, now: clock.now() })
    const published = await hub.payload.findByID({ collection: 'news', id: news.id })
    const draft = await hub.payload.findByID({ collection: 'news', id: news.id, draft: true })
    expect(published.title).toBe('Ny skolerute')
    expect(published.imageWithdrawnAt).toBe('2026-12-03T00:00:05.000Z')
    expect(draft.title).toBe('Ny skolerute (utkast)')
  })
})
