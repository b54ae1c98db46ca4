import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { PressRoom, type PressKit } from '../../src/public/press'
import {
  addPressReleasesInEveryState,
  buildAccessWorld,
  CALLERS,
  ITEM_COLLECTIONS,
  mayRead,
  STATES,
  type AccessWorld,
  type ItemState,
} from '../helpers/accessFixtures'
import { type PublicServer, startPublicServer } from '../helpers/publicServer'
import { startTestHub, type TestHub } from '../helpers/testHub'

let hub: TestHub
let world: AccessWorld

beforeAll(async () => {
  hub = await startTestHub()
  world = await buildAccessWorld(hub.payload)
})

afterAll(async () => {
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
