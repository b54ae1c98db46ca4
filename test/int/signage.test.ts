import Parser from 'rss-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Playlist } from '../../channels/signage'
import { type SignageHub, startSignageHub } from '../helpers/signageHub'

type RssItem = Parser.Item & { guid?: string; enclosure?: { url: string; type?: string } }
const parser = new Parser<Record<string, unknown>, RssItem>()

const START = '2026-12-01T09:00:00.000Z'

let signage: SignageHub
let department: number | string
let serial = 0

async function playlist(slug: string): Promise<{ body: Playlist; etag: string }> {
  const res = await signage.get(`/signage/${slug}/playlist.json`)
  expect(res.status).toBe(200)
  return { body: (await res.json()) as Playlist, etag: res.headers.get('etag') ?? '' }
}

async function screen(data: Record<string, unknown>) {
  serial += 1
  const doc = await signage.hub.payload.create({
    collection: 'screens',
    data: {
      name: `Skjerm ${serial}`,
      slug: `skjerm-${serial}`,
      location: 'Rådhuset',
      slideSeconds: 8,
      maxAgeDays: 10,
      ...data,
    } as never,
  })
  await signage.drain()
  return doc
}

async function item(collection: 'news' | 'events' | 'service-messages', data = {}) {
  serial += 1
  const typeFields = {
    news: { type: 'news' },
    events: { startsAt: '2026-12-03T17:00:00.000Z', place: 'Modum kulturhus' },
    'service-messages': {
      area: 'Geithus',
      severity: 'warning',
      expiresAt: '2026-12-02T12:00:00.000Z',
    },
  }[collection]
  const doc = await signage.hub.payload.create({
    collection,
    data: {
      title: `Sak ${serial}`,
      lead: 'Kort ingress.',
      slug: `sak-${serial}`,
      department,
      channels: ['signage'],
      publishAt: START,
      _status: 'published',
      ...typeFields,
      ...data,
    } as never,
  })
  await signage.drain()
  return doc
}

beforeAll(async () => {
  signage = await startSignageHub(START)
  department = (
    await signage.hub.payload.create({
      collection: 'departments',
      data: { name: 'Kultur', kind: 'etat' },
    })
  ).id
})

afterAll(async () => {
  await signage?.close()
})

describe('a screen playlist through the ledger', () => {
  let lobby: { slug?: string | null }
  let news1: { uid?: string | null }
  let news2: { uid?: string | null }
  let event: { uid?: string | null }
  let notice: { uid?: string | null }

  beforeAll(async () => {
    lobby = await screen({ name: 'Resepsjon', slug: 'resepsjon' })
    news1 = await item('news', {
      title: 'Biblioteket åpner søndager',
      publishAt: '2026-11-30T08:00:00.000Z',
      variants: { signageHeadline: 'Søndagsåpent på biblioteket' },
    })
    news2 = await item('news', {
      title: 'Ny gang- og sykkelvei',
      publishAt: '2026-12-01T08:00:00.000Z',
      expiresAt: '2026-12-05T08:00:00.000Z',
    })
    event = await item('events', {
      title: 'Julekonsert',
      startsAt: '2026-12-04T17:00:00.000Z',
      endsAt: '2026-12-04T19:00:00.000Z',
      place: 'Modum kirke',
    })
    notice = await item('service-messages', { title: 'Vannet er stengt i Geithus' })
  })

  it('should put service messages first, then events soonest first, then news newest first', async () => {
    const { body } = await playlist('resepsjon')
    expect(body.slides.map((s) => s.id)).toEqual([notice.uid, event.uid, news2.uid, news1.uid])
    expect(body.slides.map((s) => s.interrupt)).toEqual([true, false, false, false])
  })

  it('should give each slide its headline, date and place, duration and validUntil', async () => {
    const { body } = await playlist('resepsjon')
    const byId = new Map(body.slides.map((s) => [s.id, s]))
    expect(byId.get(news1.uid ?? '')?.headline).toBe('Søndagsåpent på biblioteket')
    expect(byId.get(news1.uid ?? '')?.title).toBe('Biblioteket åpner søndager')
    expect(byId.get(event.uid ?? '')).toMatchObject({
      place: 'Modum kirke',
      when: 'fredag 4. desember kl. 18:00 · Modum kirke',
      validUntil: '2026-12-04T19:00:00.000Z',
    })
    expect(byId.get(notice.uid ?? '')).toMatchObject({
      area: 'Geithus',
      severity: 'warning',
      validUntil: '2026-12-02T12:00:00.000Z',
    })
    // News: the screen's 10 days from publication, or the item's own expiry when sooner.
    expect(byId.get(news1.uid ?? '')?.validUntil).toBe('2026-12-10T08:00:00.000Z')
    expect(byId.get(news2.uid ?? '')?.validUntil).toBe('2026-12-05T08:00:00.000Z')
    expect(body.slides.every((s) => s.duration === 8)).toBe(true)
  })

  it('should expire the whole playlist at the first slide end', async () => {
    const { body } = await playlist('resepsjon')
    expect(body.expiresAt).toBe('2026-12-02T12:00:00.000Z')
    expect(body.screen).toMatchObject({ slug: lobby.slug, name: 'Resepsjon' })
  })

  it('should answer with a strong ETag and 304 for If-None-Match', async () => {
    const { etag } = await playlist('resepsjon')
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/)
    const again = await signage.get('/signage/resepsjon/playlist.json', { 'If-None-Match': etag })
    expect(again.status).toBe(304)
  })

  it('should keep an event without an end until midnight Oslo time of its day', async () => {
    const late = await item('events', {
      title: 'Adventsmarked',
      startsAt: '2026-12-06T10:00:00.000Z',
      endsAt: null,
    })
    const { body } = await playlist('resepsjon')
    expect(body.slides.find((s) => s.id === late.uid)?.validUntil).toBe('2026-12-06T23:00:00.000Z')
  })

  it('should take a slide off the screen when the item is unpublished, and the ledger shows both', async () => {
    const doc = await item('news', { title: 'Midlertidig sak' })
    expect((await playlist('resepsjon')).body.slides.map((s) => s.id)).toContain(doc.uid)
    await signage.hub.payload.update({ collection: 'news', id: doc.id, data: { _status: 'draft' } })
    await signage.drain()
    expect((await playlist('resepsjon')).body.slides.map((s) => s.id)).not.toContain(doc.uid)
    const { docs } = await signage.hub.payload.find({
      collection: 'deliveries',
      where: { itemUid: { equals: doc.uid }, channel: { equals: 'signage' } },
      sort: 'createdAt',
    })
    expect(docs.map((d) => [d.action, d.status, d.targetName])).toEqual([
      ['publish', 'delivered', 'Resepsjon'],
      ['retract', 'delivered', 'Resepsjon'],
    ])
  })

  it('should leave a service message out once the scheduler retracts it at its end', async () => {
    signage.clock.set('2026-12-02T12:00:01.000Z')
    await signage.tick()
    await signage.drain()
    const { body } = await playlist('resepsjon')
    expect(body.slides.map((s) => s.id)).not.toContain(notice.uid)
    signage.clock.set(START)
  })

  it('should serve feed.rss with the slides in playlist order and image enclosures', async () => {
    const res = await signage.get('/signage/resepsjon/feed.rss')
    expect(res.status).toBe(200)
    const feed = await parser.parseString(await res.text())
    const { body } = await playlist('resepsjon')
    expect(feed.items.map((i) => i.guid)).toEqual(body.slides.map((s) => `urn:uuid:${s.id}`))
    expect(feed.items.find((i) => i.guid === `urn:uuid:${news1.uid}`)?.title).toBe(
      'Søndagsåpent på biblioteket',
    )
    // Items without a photo carry the slide drawn from the brand templates.
    const pictured = body.slides.flatMap((s) => {
      const picture = s.image ?? s.generatedSlide
      return picture ? [{ id: s.id, url: picture.url }] : []
    })
    expect(pictured.length).toBe(body.slides.length)
    for (const slide of pictured) {
      const rss = feed.items.find((i) => i.guid === `urn:uuid:${slide.id}`)
      expect(rss?.enclosure).toMatchObject({ url: slide.url, type: 'image/jpeg' })
    }
  })

  it('should rebuild the playlist when the screen settings change', async () => {
    const before = await playlist('resepsjon')
    const doc = await signage.hub.payload.find({
      collection: 'screens',
      where: { slug: { equals: 'resepsjon' } },
    })
    await signage.hub.payload.update({
      collection: 'screens',
      id: doc.docs[0]?.id ?? 0,
      data: {
        slideSeconds: 15,
        dayparts: [{ days: ['1', '2', '3', '4', '5'], from: '07:30', to: '16:00' }],
      },
    })
    await signage.drain()
    const after = await playlist('resepsjon')
    expect(after.etag).not.toBe(before.etag)
    expect(after.body.slides.every((s) => s.duration === 15)).toBe(true)
    expect(after.body.dayparts).toEqual([{ days: [1, 2, 3, 4, 5], from: '07:30', to: '16:00' }])
  })

  it('should start a new screen with what is live for it', async () => {
    await screen({ name: 'Bibliotek', slug: 'bibliotek', itemTypes: ['news'] })
    const { body } = await playlist('bibliotek')
    expect(body.slides.map((s) => s.id)).toEqual([news2.uid, news1.uid])
  })
})

describe('screens that a signage system reads as a page', () => {
  it('should serve the player page with the playlist address and the brand shell', async () => {
    await screen({ name: 'Foajé', slug: 'foaje' })
    const res = await signage.get('/signage/foaje')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/html')
    const page = await res.text()
    expect(page).toContain('data-playlist="/signage/foaje/playlist.json"')
    expect(page).toContain('<script src="/signage/player.js" defer></script>')
    expect(page).toContain('<meta name="referrer" content="no-referrer" />')
  })

  it('should serve the player script and the service worker', async () => {
    for (const path of ['/signage/player.js', '/signage/sw.js']) {
      const res = await signage.get(path)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toContain('text/javascript')
    }
  })

  it('should answer an unknown screen with a text 404', async () => {
    const res = await signage.get('/signage/finnes-ikke/playlist.json')
    expect(res.status).toBe(404)
    expect(await res.text()).toContain('infoskjerm')
  })
})
