import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Playlist } from '../../channels/signage'
import { createApi, loginCaller } from '../helpers/api'
import { type SignageHub, startSignageHub } from '../helpers/signageHub'

const START = '2026-12-01T09:00:00.000Z'
const PASSWORD = 'Test-passord-1234'

let signage: SignageHub
let api: ReturnType<typeof createApi>
let comms: { authorization?: string }
let editor: { authorization?: string }
const ids: Record<string, number | string> = {}
let serial = 0

async function slides(slug: string, key?: string): Promise<string[]> {
  const res = await signage.get(`/signage/${slug}/playlist.json${key ? `?key=${key}` : ''}`)
  expect(res.status).toBe(200)
  return ((await res.json()) as Playlist).slides.map((s) => s.title)
}

async function item(title: string, data: Record<string, unknown> = {}) {
  serial += 1
  const doc = await signage.hub.payload.create({
    collection: 'news',
    data: {
      title,
      slug: `regel-${serial}`,
      type: 'news',
      department: ids.skole,
      channels: ['signage'],
      // Later items are newer, so the playlist order is known.
      publishAt: new Date(Date.parse(START) - (100 - serial) * 60_000).toISOString(),
      _status: 'published',
      ...data,
    } as never,
  })
  await signage.drain()
  return doc
}

async function screen(data: Record<string, unknown>) {
  const doc = await signage.hub.payload.create({
    collection: 'screens',
    data: { location: 'Modum', slideSeconds: 10, maxAgeDays: 30, ...data } as never,
  })
  await signage.drain()
  return doc
}

async function rotateKey(id: number | string): Promise<string> {
  const res = await api.rest<{ key: string; playerUrl: string }>(
    'POST',
    `/screens/${id}/rotate-key`,
    comms,
  )
  expect(res.status).toBe(200)
  expect(res.body.playerUrl).toContain(`?key=${encodeURIComponent(res.body.key)}`)
  return res.body.key
}

beforeAll(async () => {
  signage = await startSignageHub(START)
  const { payload } = signage.hub
  const dept = (name: string, data: Record<string, unknown> = {}) =>
    payload.create({ collection: 'departments', data: { name, kind: 'etat', ...data } as never })
  ids.oppvekst = (await dept('Oppvekst')).id
  ids.skole = (await dept('Vikersund skole', { kind: 'virksomhet', parent: ids.oppvekst })).id
  ids.kultur = (await dept('Kultur')).id
  ids.idrett = (
    await payload.create({ collection: 'categories', data: { name: 'Idrett og friluft' } })
  ).id
  await payload.create({
    collection: 'users',
    data: { email: 'comms@example.com', password: PASSWORD, name: 'K', role: 'communications' },
  })
  await payload.create({
    collection: 'users',
    data: {
      email: 'editor@example.com',
      password: PASSWORD,
      name: 'R',
      role: 'editor',
      departments: [ids.kultur],
    } as never,
  })
  api = createApi(payload)
  comms = await loginCaller(api, 'comms@example.com', PASSWORD)
  editor = await loginCaller(api, 'editor@example.com', PASSWORD)

  await screen({ name: 'Lobby', slug: 'lobby' })
  ids.staff = (await screen({ name: 'Personalrom', slug: 'personalrom', audience: 'internal' })).id
  await screen({ name: 'Oppvekst', slug: 'oppvekst', departments: [ids.oppvekst] })
  await screen({ name: 'Kultur', slug: 'kultur', departments: [ids.kultur] })
  await screen({ name: 'Idrett', slug: 'idrett', categories: [ids.idrett] })
  await screen({ name: 'Bare drift', slug: 'bare-drift', itemTypes: ['service-messages'] })

  await item('Offentlig skolesak')
  await item('Intern skolesak', { audience: 'internal' })
  await item('Skolesak for alle', { audience: 'both' })
  await item('Idrettsdag', { department: ids.kultur, category: ids.idrett })
  await signage.hub.payload.create({
    collection: 'service-messages',
    data: {
      title: 'Vannet er stengt',
      slug: 'vannet-er-stengt',
      area: 'Geithus',
      severity: 'critical',
      expiresAt: '2026-12-03T09:00:00.000Z',
      department: ids.kultur,
      channels: ['signage'],
      publishAt: START,
      _status: 'published',
    } as never,
  })
  await signage.drain()
  ids.staffKey = await rotateKey(ids.staff)
})

afterAll(async () => {
  await signage?.close()
})

describe('screen rules', () => {
  it('should never put an internal item on a public screen, and a staff-room screen takes it', async () => {
    expect(await slides('lobby')).toEqual([
      'Vannet er stengt',
      'Idrettsdag',
      'Skolesak for alle',
      'Offentlig skolesak',
    ])
    expect(await slides('personalrom', String(ids.staffKey))).toContain('Intern skolesak')
  })

  it('should take an etat’s units’ items on a screen for the etat, and service messages from anyone', async () => {
    expect(await slides('oppvekst')).toEqual([
      'Vannet er stengt',
      'Skolesak for alle',
      'Offentlig skolesak',
    ])
    expect(await slides('kultur')).toEqual(['Vannet er stengt', 'Idrettsdag'])
  })

  it('should take only the chosen categories and item types', async () => {
    expect(await slides('idrett')).toEqual(['Vannet er stengt', 'Idrettsdag'])
    expect(await slides('bare-drift')).toEqual(['Vannet er stengt'])
  })

  it('should give editors the reason in bokmål when a screen refuses an item', async () => {
    const adapter = signage.adapter
    const targets = await adapter.targets()
    const target = (name: string) => targets.find((t) => t.name === name)
    const item = {
      collection: 'news',
      audience: 'public',
      department: { slug: 'kultur', name: 'Kultur' },
    } as Parameters<typeof adapter.accepts>[0]
    expect(adapter.accepts(item, target('Oppvekst')!)).toBe(
      'Skjermen viser bare saker fra Oppvekst',
    )
    expect(adapter.accepts(item, target('Idrett')!)).toBe(
      'Skjermen viser bare kategoriene Idrett og friluft',
    )
    expect(adapter.accepts(item, target('Bare drift')!)).toBe('Skjermen viser ikke nyheter')
    expect(adapter.accepts({ ...item, audience: 'internal' }, target('Lobby')!)).toBe(
      'Intern sak – skjermen kan ses av publikum',
    )
    expect(targets.map((t) => [t.name, t.public])).toContainEqual(['Personalrom', false])
  })

  it('should take items off when a screen’s rules narrow', async () => {
    const lobby = await signage.hub.payload.find({
      collection: 'screens',
      where: { slug: { equals: 'lobby' } },
    })
    await signage.hub.payload.update({
      collection: 'screens',
      id: lobby.docs[0]?.id ?? 0,
      data: { categories: [ids.idrett] } as never,
    })
    await signage.drain()
    expect(await slides('lobby')).toEqual(['Vannet er stengt', 'Idrettsdag'])
  })
  it('should retract a removed screen’s items through the ledger and stop serving it', async () => {
    const gone = await screen({ name: 'Midlertidig', slug: 'midlertidig' })
    expect(await slides('midlertidig')).toContain('Offentlig skolesak')
    await signage.hub.payload.delete({ collection: 'screens', id: gone.id })
    await signage.drain()
    const { docs } = await signage.hub.payload.find({
      collection: 'deliveries',
      where: { target: { equals: String(gone.id) }, action: { equals: 'retract' } },
      limit: 0,
    })
    expect(docs.length).toBeGreaterThan(0)
    expect(docs.every((d) => d.status === 'delivered')).toBe(true)
    expect((await signage.get('/signage/midlertidig/playlist.json')).status).toBe(404)
  })
})

describe('a staff-room screen', () => {
  const paths = [
    '/signage/personalrom',
    '/signage/personalrom/playlist.json',
    '/signage/personalrom/feed.rss',
  ]

  it.each(paths)('should answer %s with 401 without a key', async (path) => {
    const res = await signage.get(path)
    expect(res.status).toBe(401)
    expect(await res.text()).not.toContain('Intern skolesak')
  })

  it.each(paths)('should answer %s with 403 for a wrong key or an API login', async (path) => {
    expect((await signage.get(`${path}?key=skj_feil`)).status).toBe(403)
    expect((await signage.get(path, { Authorization: 'Bearer skj_feil' })).status).toBe(403)
  })

  it.each(paths)(
    'should answer %s with its key in the address or as a Bearer header',
    async (path) => {
      const key = String(ids.staffKey)
      const byQuery = await signage.get(`${path}?key=${encodeURIComponent(key)}`)
      expect(byQuery.status).toBe(200)
      expect(byQuery.headers.get('cache-control')).toMatch(/^private/)
      expect((await signage.get(path, { Authorization: `Bearer ${key}` })).status).toBe(200)
    },
  )

  it('should show an internal item’s photo from its own key-checked address', async () => {
    const photo = await sharp({
      create: { width: 640, height: 360, channels: 3, background: '#1b5e20' },
    })
      .jpeg()
      .toBuffer()
    const media = await signage.hub.payload.create({
      collection: 'media',
      data: { alt: 'Nytt personalrom', credit: 'Modum kommune' },
      file: { data: photo, mimetype: 'image/jpeg', name: 'personalrom.jpg', size: photo.length },
    })
    await item('Nytt personalrom', { audience: 'internal', image: media.id })
    const key = String(ids.staffKey)
    const res = await signage.get(`/signage/personalrom/playlist.json?key=${key}`)
    const slide = ((await res.json()) as Playlist).slides.find(
      (s) => s.title === 'Nytt personalrom',
    )
    const url = new URL(slide?.image?.url ?? '')
    expect(url.pathname).toMatch(
      /^\/signage\/personalrom\/media\/[0-9a-f-]{36}\/signage\.[0-9a-f]{16}\.jpg$/,
    )

    expect((await signage.get(url.pathname)).status).toBe(401)
    expect((await signage.get(`${url.pathname}?key=skj_feil`)).status).toBe(403)
    const image = await signage.get(`${url.pathname}?key=${key}`)
    expect(image.status).toBe(200)
    expect(image.headers.get('content-type')).toBe('image/jpeg')
    expect(image.headers.get('cache-control')).toMatch(/^private/)
    expect((await image.arrayBuffer()).byteLength).toBeGreaterThan(0)
    // Only what the playlist shows: another rendition of the same photo is not served here.
    const thumb = url.pathname.replace(/signage\.[0-9a-f]{16}\.jpg$/, 'thumb.0000000000000000.jpg')
    expect((await signage.get(`${thumb}?key=${key}`)).status).toBe(404)
  })

  it('should stop taking the old key once a new one is made', async () => {
    const old = String(ids.staffKey)
    const fresh = await rotateKey(ids.staff ?? 0)
    ids.staffKey = fresh
    expect((await signage.get(`/signage/personalrom/playlist.json?key=${old}`)).status).toBe(403)
    expect((await signage.get(`/signage/personalrom/playlist.json?key=${fresh}`)).status).toBe(200)
  })

  it('should let only admin and communications make a key', async () => {
    const res = await api.rest('POST', `/screens/${ids.staff}/rotate-key`, editor)
    expect(res.status).toBe(403)
    expect((await api.rest('POST', `/screens/${ids.staff}/rotate-key`)).status).toBe(401)
  })

  it('should never return the key hash over the API', async () => {
    const res = await api.rest<Record<string, unknown>>('GET', `/screens/${ids.staff}`, comms)
    expect(res.status).toBe(200)
    expect(res.body).not.toHaveProperty('keyHash')
  })
})

describe('heartbeats', () => {
  async function current(slug: string, key?: string) {
    const q = key ? `?key=${key}` : ''
    return (await signage.get(`/signage/${slug}/playlist.json${q}`)).headers.get('etag') ?? ''
  }

  async function screenDoc(slug: string) {
    const { docs } = await signage.hub.payload.find({
      collection: 'screens',
      where: { slug: { equals: slug } },
    })
    return docs[0] as unknown as {
      lastSeenAt?: string
      shownVersion?: string
      showsCurrent?: boolean
    }
  }

  it('should store when a player was last seen and the version it shows', async () => {
    const version = await current('kultur')
    signage.clock.set('2026-12-01T09:30:00.000Z')
    const res = await signage.post('/signage/kultur/heartbeat', { version })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ current: true, version })
    expect(await screenDoc('kultur')).toMatchObject({
      lastSeenAt: '2026-12-01T09:30:00.000Z',
      shownVersion: version,
      showsCurrent: true,
    })
  })

  it('should say when a player shows an older playlist', async () => {
    const res = await signage.post('/signage/oppvekst/heartbeat', { version: '"gammel"' })
    expect(await res.json()).toMatchObject({ current: false })
    expect(await screenDoc('oppvekst')).toMatchObject({
      shownVersion: '"gammel"',
      showsCurrent: false,
    })
  })

  it('should refuse a heartbeat for a staff-room screen without its key', async () => {
    const version = await current('personalrom', String(ids.staffKey))
    expect((await signage.post('/signage/personalrom/heartbeat', { version })).status).toBe(401)
    const wrong = await signage.post('/signage/personalrom/heartbeat?key=skj_feil', { version })
    expect(wrong.status).toBe(403)
    const ok = await signage.post(`/signage/personalrom/heartbeat?key=${ids.staffKey}`, { version })
    expect(await ok.json()).toEqual({ current: true, version })
  })

  it('should answer a version that is no ETag with 400 naming the field', async () => {
    const res = await signage.post('/signage/kultur/heartbeat', { version: 42 })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ field: 'version' })
  })

  it('should answer a heartbeat for an unknown screen with 404', async () => {
    expect((await signage.post('/signage/ukjent/heartbeat', { version: null })).status).toBe(404)
  })

  it('should report silent and lagging screens in the channel health', async () => {
    signage.clock.set('2026-12-01T09:32:00.000Z')
    const health = await signage.adapter.health!({ signal: new AbortController().signal })
    expect(health.status).toBe('degraded')
    expect(health.detail).toContain('Oppvekst: viser en eldre spilleliste')
    expect(health.detail).toContain('Lobby: aldri sett')
    expect(health.detail).not.toContain('Kultur:')
  })
})
