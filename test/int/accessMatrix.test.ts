import Parser from 'rss-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { facebookAdapter } from '../../channels/facebook'
import { createRegistry } from '../../channels/registry'
import { publicUrl } from '../../src/config/env'
import { activeRegistry, setActiveRegistry as activate } from '../../src/outbox/activeRegistry'
import { syncItemDeliveries } from '../../src/outbox/syncItemDeliveries'
import { type GraphApi, startGraphApi } from '../fakes/graph-api'
import {
  addItemsForFacebook,
  type FacebookWorldItem,
  mayReachFacebook,
} from '../helpers/accessFixtures'
import { dispatchUntilIdle } from '../helpers/ledgerTools'

import { PressRoom, type PressKit } from '../../src/public/press'
import {
  addPressReleasesInEveryState,
  buildAccessWorld,
  CALLERS,
  ITEM_COLLECTIONS,
  mayRead,
  STATES,
  type AccessWorld,
  type CallerName,
  type ItemState,
} from '../helpers/accessFixtures'
import { deliveriesOf } from '../helpers/ledgerTools'
import { type PortalFeedHub, startPortalFeedHub } from '../helpers/portalFeedHub'
import { type PublicServer, startPublicServer } from '../helpers/publicServer'
import { startTestHub, type TestHub } from '../helpers/testHub'
import { signageAdapter, type Playlist } from '../../channels/signage'
import { apiKeyAuthorizer } from '../../src/public/apiKeyAuthorizer'
import { screenAuthorizer } from '../../src/public/signage/screenAuthorizer'
import { screenDirectory } from '../../src/public/signage/screenDirectory'
import { SnapshotRoutes } from '../../src/public/snapshotRoutes'

let hub: TestHub
let world: AccessWorld
let portal: PortalFeedHub

beforeAll(async () => {
  hub = await startTestHub()
  // Every item chooses the portal: its feed is built through the ledger, retractions included.
  portal = await startPortalFeedHub(hub.payload)
  activate(portal.registry())
  world = await buildAccessWorld(hub.payload, { beforeRetract: () => portal.dispatchAll() })
  await portal.dispatchAll()
})

afterAll(async () => {
  activate(undefined)
  await portal?.close()
  await hub?.cleanup()
})

const GRAPHQL_NAMES = {
  news: ['News', 'NewsItem'],
  events: ['Events', 'Event'],
  'service-messages': ['ServiceMessages', 'ServiceMessage'],
} as const

describe.each(ITEM_COLLECTIONS)('read access on %s', (collection) => {
  describe.each(CALLERS)('as %s', (caller) => {
    it('should list exactly the permitted items over REST (also with ?draft=true)', async () => {
      for (const draft of ['', '&draft=true']) {
        const res = await world.api.rest<{ docs: { id: unknown }[] }>(
          'GET',
          `/${collection}?limit=100&depth=0${draft}`,
          world.callers[caller],
        )
        expect(res.status).toBe(200)
        const seen = new Set(res.body.docs.map((d) => String(d.id)))
        for (const state of STATES) {
          expect({
            state,
            draft,
            visible: seen.has(String(world.items[collection][state])),
          }).toEqual({
            state,
            draft,
            visible: mayRead(caller, state),
          })
        }
      }
    })

    it.each(STATES)(
      'should answer REST by id for the %s item only when permitted',
      async (state) => {
        const res = await world.api.rest(
          'GET',
          `/${collection}/${world.items[collection][state]}?depth=0`,
          world.callers[caller],
        )
        if (mayRead(caller, state)) expect(res.status).toBe(200)
        else expect([403, 404]).toContain(res.status)
      },
    )

    it('should list exactly the permitted items over GraphQL, by list and by id', async () => {
      const [plural, singular] = GRAPHQL_NAMES[collection]
      const byId = STATES.map(
        (state) =>
          `${state}: ${singular}(id: ${JSON.stringify(world.items[collection][state])}) { id }`,
      ).join('\n')
      const res = await world.api.gql<{
        data: Record<string, { docs?: { id: unknown }[]; id?: unknown } | null>
      }>(`{ list: ${plural}(limit: 100) { docs { id } }\n${byId} }`, world.callers[caller])
      expect(res.status).toBe(200)
      const seen = new Set((res.body.data.list?.docs ?? []).map((d) => String(d.id)))
      for (const state of STATES) {
        const expected = mayRead(caller, state)
        expect({ state, list: seen.has(String(world.items[collection][state])) }).toEqual({
          state,
          list: expected,
        })
        expect({ state, byId: Boolean(res.body.data[state]?.id) }).toEqual({
          state,
          byId: expected,
        })
      }
    })
  })
})

describe('read access on the press room (/press, /api/press-kit)', () => {
  let server: PublicServer
  let press: Record<ItemState, number | string>

  beforeAll(async () => {
    press = await addPressReleasesInEveryState(hub.payload, world)
    const room = new PressRoom({ payload: hub.payload, ttlMs: 0 })
    server = await startPublicServer([(req, res) => room.serve(req, res)])
  })

  afterAll(async () => {
    await server?.close()
  })

  it('should list exactly the press releases an anonymous reader may read', async () => {
    const kit = (await (await fetch(`${server.url}/api/press-kit`)).json()) as PressKit
    const listed = new Set(kit.pressReleases.map((p) => p.id))
    const page = await (await fetch(`${server.url}/press`)).text()
    for (const state of STATES) {
      const expected = mayRead('anonymous', state)
      expect({ state, json: listed.has(String(press[state])) }).toEqual({ state, json: expected })
      expect({ state, page: new RegExp(`>\\s*press ${state}\\s*<`).test(page) }).toEqual({
        state,
        page: expected,
      })
    }
  })
})

describe('the Facebook Page in the access world', () => {
  let graph: GraphApi
  let items: FacebookWorldItem[]
  const urlOf = (item: FacebookWorldItem) => `${publicUrl()}/${item.collection}/${item.slug}`

  beforeAll(async () => {
    graph = await startGraphApi()
    const registry = createRegistry(
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
    const previous = activeRegistry()
    activate(registry)
    try {
      items = await addItemsForFacebook(hub.payload, world)
      // The items written past validation never ran the hooks: bring them in as a sync would.
      for (const item of items) {
        const { collection, id } = item
        await syncItemDeliveries({
          payload: hub.payload,
          registry,
          collection,
          id,
          now: new Date(),
        })
      }
      await dispatchUntilIdle({
        payload: hub.payload,
        registry,
        now: () => new Date(),
        worker: 'matrix',
      })
    } finally {
      activate(previous)
    }
  })

  afterAll(async () => {
    await graph?.close()
  })

  it('should post exactly the live public and both items, once each', () => {
    const posted = items.map((item) => ({
      item: `${item.collection} ${item.state} ${item.audience}`,
      posts: graph.postsAbout(urlOf(item)).length,
    }))
    expect(posted).toEqual(
      items.map((item) => ({
        item: `${item.collection} ${item.state} ${item.audience}`,
        posts: mayReachFacebook(item.state, item.audience) ? 1 : 0,
      })),
    )
  })

  it('should never send the Facebook fake an internal, draft, embargoed, scheduled or expired item', () => {
    const forbidden = items.filter((item) => !mayReachFacebook(item.state, item.audience))
    const sent = graph.requests.map((r) => JSON.stringify(r.params))
    for (const item of forbidden) {
      const leaks = sent.filter(
        (params) => params.includes(urlOf(item)) || params.includes(item.title),
      )
      expect({ item: item.title, leaks }).toEqual({ item: item.title, leaks: [] })
    }
    expect(forbidden.filter((i) => i.audience === 'internal')).toHaveLength(18)
  })
})

/**
 * The portal feed answers API keys only (staff log in to the admin, not to feeds): an internal
 * key reads it, a public-only key is refused, anyone else is asked for a key.
 */
const PORTAL_FEED_STATUS: Record<CallerName, number> = {
  anonymous: 401,
  apiClientPublic: 403,
  apiClientInternal: 200,
  editorOtherDepartment: 401,
  editorOwnDepartment: 401,
  communications: 401,
}

describe('the portal feed in the access world', () => {
  it('should have had the retracted items in the feed and taken them out through the ledger', async () => {
    for (const collection of ITEM_COLLECTIONS) {
      const { uid } = await hub.payload.findByID({
        collection,
        id: world.items[collection].retracted,
        depth: 0,
      })
      const rows = await deliveriesOf(hub.payload, uid as string)
      expect(rows.map((r) => [r.target, r.action, r.status])).toEqual([
        ['feed', 'publish', 'delivered'],
        ['feed', 'retract', 'delivered'],
      ])
    }
  })
})

describe.each(['/feeds/portal.json', '/feeds/portal.rss'])('read access on %s', (path) => {
  const parser = new Parser()

  async function titles(body: string): Promise<Set<string>> {
    if (path.endsWith('.json')) {
      const feed = JSON.parse(body) as { items: { title: string }[] }
      return new Set(feed.items.map((i) => i.title))
    }
    return new Set((await parser.parseString(body)).items.map((i) => i.title ?? ''))
  }

  it.each(CALLERS)('should answer %s as the portal feed rules say', async (caller) => {
    const res = await portal.get(path, world.callers[caller].authorization)
    expect(res.status).toBe(PORTAL_FEED_STATUS[caller])
    const body = await res.text()
    if (res.status !== 200) {
      expect(body).not.toMatch(/news published|events internal/)
      return
    }
    const seen = await titles(body)
    for (const collection of ITEM_COLLECTIONS) {
      for (const state of STATES) {
        // What the internal key may read over the API, item for item: never a draft, an
        // embargoed, scheduled, expired or retracted item.
        const expected = mayRead('apiClientInternal', state)
        expect({ collection, state, listed: seen.has(`${collection} ${state}`) }).toEqual({
          collection,
          state,
          listed: expected,
        })
      }
    }
  })
})

/**
 * Signage: a public screen (a lobby) and a staff-room screen with its key, fed through the
 * ledger by the real signage adapter. Every caller gets the lobby's playlist, with exactly what
 * an anonymous reader may read; the staff room answers only its key (API keys and logins are
 * asked for it), and then with what an internal reader may read, never a draft, embargoed,
 * scheduled, expired or retracted item.
 */
describe('signage screens in the access world', () => {
  const routes = new SnapshotRoutes()
  let server: PublicServer
  let key: string
  let registry: ReturnType<typeof createRegistry>

  const sync = async (collection: (typeof ITEM_COLLECTIONS)[number], id: number | string) => {
    await syncItemDeliveries({ payload: hub.payload, registry, collection, id, now: new Date() })
    await dispatchUntilIdle({
      payload: hub.payload,
      registry,
      now: () => new Date(),
      worker: 'matrix',
    })
  }

  beforeAll(async () => {
    const signage = signageAdapter({ payload: hub.payload, routes })
    registry = createRegistry([signage], {})
    routes.setAuthorizer(
      apiKeyAuthorizer({
        payload: hub.payload,
        others: screenAuthorizer(screenDirectory(hub.payload, { ttlMs: 0 }), hub.payload.secret),
      }),
    )
    const previous = activeRegistry()
    activate(registry)
    try {
      await hub.payload.create({
        collection: 'screens',
        data: {
          name: 'Lobby',
          slug: 'lobby',
          location: 'Rådhuset',
          orientation: 'landscape',
          audience: 'public',
          slideSeconds: 10,
          maxAgeDays: 30,
        },
      })
      const staff = await hub.payload.create({
        collection: 'screens',
        data: {
          name: 'Personalrom',
          slug: 'personalrom',
          location: 'Rådhuset',
          orientation: 'landscape',
          audience: 'internal',
          slideSeconds: 10,
          maxAgeDays: 30,
        },
      })
      await signage.idle()
      const rotated = await world.api.rest<{ key: string }>(
        'POST',
        `/screens/${staff.id}/rotate-key`,
        world.callers.communications,
      )
      key = rotated.body.key
      for (const collection of ITEM_COLLECTIONS) {
        for (const state of STATES) await sync(collection, world.items[collection][state])
        // The retracted item goes on the screens and comes off again through the ledger.
        const retracted = world.items[collection].retracted
        await hub.payload.update({ collection, id: retracted, data: { _status: 'published' } })
        await sync(collection, retracted)
        await hub.payload.update({ collection, id: retracted, data: { _status: 'draft' } })
        await sync(collection, retracted)
      }
      await signage.idle()
    } finally {
      activate(previous)
    }
    server = await startPublicServer([(req, res) => routes.serve(req, res)])
  })

  afterAll(async () => {
    await server?.close()
  })

  it('should have put the retracted items on both screens and taken them off through the ledger', async () => {
    for (const collection of ITEM_COLLECTIONS) {
      const { uid } = await hub.payload.findByID({
        collection,
        id: world.items[collection].retracted,
        depth: 0,
      })
      const rows = (await deliveriesOf(hub.payload, uid as string)).filter(
        (r) => r.channel === 'signage',
      )
      expect(rows.map((r) => [r.targetName, r.action, r.status]).sort()).toEqual([
        ['Lobby', 'publish', 'delivered'],
        ['Lobby', 'retract', 'delivered'],
        ['Personalrom', 'publish', 'delivered'],
        ['Personalrom', 'retract', 'delivered'],
      ])
    }
  })

  const SCREENS = [
    { kind: 'public', base: '/signage/lobby', reader: 'anonymous' },
    { kind: 'staff-room', base: '/signage/personalrom', reader: 'apiClientInternal' },
  ] as const

  describe.each(SCREENS)('on the $kind screen', ({ kind, base, reader }) => {
    describe.each(['/playlist.json', '/feed.rss', ''])('%s', (suffix) => {
      it.each(CALLERS)('should answer %s as the screen rules say', async (caller) => {
        const res = await fetch(`${server.url}${base}${suffix}`, {
          headers: world.callers[caller].authorization
            ? { Authorization: world.callers[caller].authorization }
            : {},
        })
        expect(res.status).toBe(kind === 'public' ? 200 : 401)
        if (res.status !== 200) expect(await res.text()).not.toMatch(/news|events|service/)
      })
    })

    it('should carry exactly the items its reader may read, with the key where one is needed', async () => {
      const q = kind === 'public' ? '' : `?key=${encodeURIComponent(key)}`
      const res = await fetch(`${server.url}${base}/playlist.json${q}`)
      expect(res.status).toBe(200)
      const { slides } = (await res.json()) as Playlist
      const shown = new Set(slides.map((s) => s.title))
      const rss = await new Parser().parseString(
        await (await fetch(`${server.url}${base}/feed.rss${q}`)).text(),
      )
      const inFeed = new Set(rss.items.map((i) => i.title ?? ''))
      for (const collection of ITEM_COLLECTIONS) {
        for (const state of STATES) {
          const title = `${collection} ${state}`
          const expected = mayRead(reader, state)
          expect({ title, playlist: shown.has(title) }).toEqual({ title, playlist: expected })
          expect({ title, rss: inFeed.has(title) }).toEqual({ title, rss: expected })
        }
      }
    })
  })
})
