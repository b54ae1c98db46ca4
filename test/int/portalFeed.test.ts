import Parser from 'rss-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { fixedClock, setClock } from '../../src/clock'
import { setActiveRegistry } from '../../src/outbox/activeRegistry'
import { syncDueItems } from '../../src/outbox/syncDueItems'
import { deliveriesOf } from '../helpers/ledgerTools'
import { type PortalFeedHub, startPortalFeedHub } from '../helpers/portalFeedHub'
import { startTestHub, type TestHub } from '../helpers/testHub'

type JsonFeed = {
  version: string
  title: string
  feed_url: string
  items: {
    id: string
    url: string
    title: string
    summary?: string
    content_html: string
    date_published: string
    image?: string
    attachments?: { url: string; title?: string }[]
  }[]
}
type RssItem = Parser.Item & { guid?: string; 'content:encoded'?: string }

const PUBLIC_KEY = 'portal-public-key-0123456789'
const INTERNAL_KEY = 'portal-internal-key-0123456789'
const DAY = 24 * 60 * 60 * 1000

let hub: TestHub
let portal: PortalFeedHub
let department: number
let serial = 0
const clock = fixedClock('2026-12-01T09:00:00.000Z')
let restoreClock: () => void
const parser = new Parser<Record<string, unknown>, RssItem>()

const dispatchAll = () => portal.dispatchAll()
const get = (path: string, key?: string) =>
  portal.get(path, key ? `users API-Key ${key}` : undefined)

async function jsonFeed(): Promise<JsonFeed> {
  const res = await get('/feeds/portal.json', INTERNAL_KEY)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toMatch(/^application\/feed\+json/)
  return JSON.parse(await res.text()) as JsonFeed
}

async function rssFeed() {
  const res = await get('/feeds/portal.rss', INTERNAL_KEY)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toMatch(/^application\/rss\+xml/)
  return parser.parseString(await res.text())
}

async function item(data: Record<string, unknown> = {}, options: { draft?: boolean } = {}) {
  serial += 1
  const doc = await hub.payload.create({
    collection: 'news',
    data: {
      title: `Portalsak ${serial}`,
      lead: `Ingress ${serial}`,
      slug: `portalsak-${serial}`,
      department,
      channels: ['portal'],
      audience: 'internal',
      _status: 'published',
      ...data,
    } as never,
    draft: options.draft,
  })
  await dispatchAll()
  return doc
}

const titles = async () => (await jsonFeed()).items.map((i) => i.title)

beforeAll(async () => {
  hub = await startTestHub()
  restoreClock = setClock(clock)
  portal = await startPortalFeedHub(hub.payload, () => clock.now())
  department = (
    await hub.payload.create({
      collection: 'departments',
      data: { name: 'Personal og organisasjon', kind: 'etat' },
    })
  ).id
  const client = (email: string, apiKey: string, scopes: string[]) =>
    hub.payload.create({
      collection: 'users',
      data: {
        email,
        name: email,
        password: 'Portal-passord-1234',
        role: 'api-client',
        enableAPIKey: true,
        apiKey,
        scopes,
      } as never,
    })
  await client('portal.public@example.com', PUBLIC_KEY, [])
  await client('portal.internal@example.com', INTERNAL_KEY, ['internal'])
  setActiveRegistry(portal.registry())
  await item({ title: 'Første sak' })
})

afterAll(async () => {
  setActiveRegistry(undefined)
  restoreClock?.()
  await portal?.close()
  await hub?.cleanup()
})

describe('the portal feed: who may read it', () => {
  it.each(['/feeds/portal.json', '/feeds/portal.rss'])(
    'should answer %s with 401 and a WWW-Authenticate challenge without a key',
    async (path) => {
      const res = await get(path)
      expect(res.status).toBe(401)
      expect(res.headers.get('www-authenticate')).toMatch(/API-Key/)
      expect(await res.text()).not.toContain('Første sak')
    },
  )

  it.each(['/feeds/portal.json', '/feeds/portal.rss'])(
    'should answer %s with 403 to a key without the internal scope',
    async (path) => {
      const res = await get(path, PUBLIC_KEY)
      expect(res.status).toBe(403)
      expect(await res.text()).not.toContain('Første sak')
    },
  )

  it('should answer 401 to a key nobody has', async () => {
    expect((await get('/feeds/portal.json', 'no-such-key-0123456789')).status).toBe(401)
  })

  it('should be private to caches and vary by Authorization', async () => {
    const res = await get('/feeds/portal.json', INTERNAL_KEY)
    expect(res.headers.get('cache-control')).toMatch(/private/)
    expect(res.headers.get('vary')).toMatch(/Authorization/i)
  })
})

describe('the portal feed: what it carries', () => {
  it('should be a JSON Feed 1.1 with the item, its summary and its body as HTML', async () => {
    const doc = await item({
      title: 'Ny turnusapp',
      lead: 'Alle ansatte får ny turnusapp.',
      variants: { portalSummary: 'Ny app for turnus.' },
      body: {
        root: {
          type: 'root',
          version: 1,
          children: [
            {
              type: 'paragraph',
              version: 1,
              children: [{ type: 'text', text: 'Opplæring på Furumo.', format: 1, version: 1 }],
            },
          ],
        },
      },
    })
    const feed = await jsonFeed()
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
    expect(feed.feed_url).toMatch(/\/feeds\/portal\.json$/)
    const entry = feed.items.find((i) => i.title === 'Ny turnusapp')
    expect(entry).toMatchObject({
      id: `urn:uuid:${doc.uid as string}`,
      summary: 'Ny app for turnus.',
    })
    expect(entry?.content_html).toContain('<strong>Opplæring på Furumo.</strong>')
  })

  it('should carry the same items in RSS, parsed by a real RSS parser', async () => {
    const rss = await rssFeed()
    const json = await jsonFeed()
    expect(rss.items.map((i) => i.title)).toEqual(json.items.map((i) => i.title))
    expect(rss.items.map((i) => i.guid)).toEqual(json.items.map((i) => i.id))
  })

  it('should carry internal, both-audience and public items that chose the portal', async () => {
    await item({ title: 'Intern sak', audience: 'internal' })
    await item({ title: 'Sak for alle', audience: 'both' })
    await item({ title: 'Offentlig sak', audience: 'public' })
    expect(await titles()).toEqual(
      expect.arrayContaining(['Intern sak', 'Sak for alle', 'Offentlig sak']),
    )
  })

  it('should leave out an item that did not choose the portal', async () => {
    await item({ title: 'Bare nettsiden', channels: ['website'], audience: 'public' })
    expect(await titles()).not.toContain('Bare nettsiden')
  })

  it('should leave out drafts, embargoed and scheduled items', async () => {
    await item({ title: 'Utkast', _status: 'draft' }, { draft: true })
    const later = new Date(clock.now().getTime() + 2 * DAY).toISOString()
    await item({ title: 'Under sperrefrist', embargoUntil: later })
    await item({ title: 'Planlagt', publishAt: later })
    const seen = await titles()
    for (const title of ['Utkast', 'Under sperrefrist', 'Planlagt']) {
      expect({ title, seen: seen.includes(title) }).toEqual({ title, seen: false })
    }
  })

  it('should take an item out when it is unpublished, and put the edit in when changed', async () => {
    const doc = await item({ title: 'Skal trekkes' })
    expect(await titles()).toContain('Skal trekkes')
    clock.set(new Date(clock.now().getTime() + 60_000))
    await hub.payload.update({ collection: 'news', id: doc.id, data: { title: 'Endret tittel' } })
    await dispatchAll()
    expect(await titles()).toContain('Endret tittel')
    expect(await titles()).not.toContain('Skal trekkes')
    await hub.payload.update({ collection: 'news', id: doc.id, data: { _status: 'draft' } })
    await dispatchAll()
    expect(await titles()).not.toContain('Endret tittel')
    const rows = await deliveriesOf(hub.payload, doc.uid as string)
    expect(rows.map((r) => [r.target, r.action, r.status])).toEqual([
      ['feed', 'publish', 'delivered'],
      ['feed', 'update', 'delivered'],
      ['feed', 'retract', 'delivered'],
    ])
  })

  it('should take an item out when it expires', async () => {
    const expiresAt = new Date(clock.now().getTime() + 60 * 60 * 1000).toISOString()
    await item({ title: 'Utløper snart', expiresAt })
    expect(await titles()).toContain('Utløper snart')
    const from = clock.now()
    clock.set(new Date(from.getTime() + 2 * 60 * 60 * 1000))
    await syncDueItems({ payload: hub.payload, registry: portal.registry(), from, to: clock.now() })
    await dispatchAll()
    expect(await titles()).not.toContain('Utløper snart')
  })
})
