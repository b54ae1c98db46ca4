import ical from 'node-ical'
import Parser from 'rss-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  buildAccessWorld,
  CALLERS,
  ITEM_COLLECTIONS,
  mayRead,
  STATES,
  type AccessWorld,
} from '../helpers/accessFixtures'
import { apiKeyAuthorizer } from '../../src/public/apiKeyAuthorizer'
import { startFeedsHub, type FeedsHub } from '../helpers/feedsHub'

/**
 * The access matrix for the public feeds: every caller × every item state × every public feed.
 * A public feed shows what an anonymous reader may see, whoever asks, so an internal, draft,
 * embargoed, scheduled or expired item is in none of them, for any caller.
 */
let feeds: FeedsHub
let world: AccessWorld
const parser = new Parser()

const PUBLIC_FEEDS = [
  '/feeds/news.rss',
  '/feeds/news.json',
  '/feeds/press.rss',
  '/feeds/service-messages.rss',
  '/feeds/service-messages.json',
  '/feeds/events.ics',
  '/feeds/departments/oppvekst.rss',
  '/feeds/departments/oppvekst.json',
  '/feeds/departments/kultur.rss',
]

async function titles(path: string, authorization?: string): Promise<string[]> {
  const res = await feeds.get(path, authorization ? { Authorization: authorization } : {})
  expect(res.status).toBe(200)
  const text = await res.text()
  if (path.endsWith('.json')) {
    return (JSON.parse(text) as { items: { title: string }[] }).items.map((i) => i.title)
  }
  if (path.endsWith('.ics')) {
    return Object.values(ical.sync.parseICS(text)).flatMap((c) =>
      c?.type === 'VEVENT' ? [typeof c.summary === 'string' ? c.summary : c.summary.val] : [],
    )
  }
  return (await parser.parseString(text)).items.map((i) => i.title ?? '')
}

beforeAll(async () => {
  feeds = await startFeedsHub(new Date().toISOString())
  world = await buildAccessWorld(feeds.hub.payload)
  await feeds.drain()
  feeds.routes.setAuthorizer(apiKeyAuthorizer({ payload: feeds.hub.payload }))
  feeds.routes.put('/feeds/internal-test.json', {
    body: '{"items":["internal"]}',
    contentType: 'application/feed+json',
    access: 'internal',
  })
})

afterAll(async () => {
  await feeds?.close()
})

describe.each(CALLERS)('the public feeds as %s', (caller) => {
  it('should carry exactly the items an anonymous reader may see, in every feed', async () => {
    const authorization = world.callers[caller].authorization
    const seen = new Set<string>()
    for (const path of PUBLIC_FEEDS) {
      for (const title of await titles(path, authorization)) seen.add(title)
    }
    for (const collection of ITEM_COLLECTIONS) {
      for (const state of STATES) {
        expect({ collection, state, inAFeed: seen.has(`${collection} ${state}`) }).toEqual({
          collection,
          state,
          inAFeed: mayRead('anonymous', state),
        })
      }
    }
  })
})

/** A protected (internal) snapshot: only an API key with the internal scope opens it. */
const PROTECTED_STATUS: Record<(typeof CALLERS)[number], number> = {
  anonymous: 401,
  apiClientPublic: 403,
  apiClientInternal: 200,
  // Staff log in with a session token, not an API key: the feed routes take API keys only.
  editorOtherDepartment: 401,
  editorOwnDepartment: 401,
  communications: 401,
}

describe.each(CALLERS)('an internal snapshot as %s', (caller) => {
  it('should answer only an API client with the internal scope', async () => {
    const authorization = world.callers[caller].authorization
    const res = await feeds.get(
      '/feeds/internal-test.json',
      authorization ? { Authorization: authorization } : {},
    )
    expect(res.status).toBe(PROTECTED_STATUS[caller])
    expect((await res.text()).includes('internal"]')).toBe(res.status === 200)
  })
})
