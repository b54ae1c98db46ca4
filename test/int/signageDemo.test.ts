import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createRegistry } from '../../channels/registry'
import { type Playlist, signageAdapter } from '../../channels/signage'
import { setActiveRegistry } from '../../src/outbox/activeRegistry'
import { apiKeyAuthorizer } from '../../src/public/apiKeyAuthorizer'
import { screenAuthorizer } from '../../src/public/signage/screenAuthorizer'
import { screenDirectory } from '../../src/public/signage/screenDirectory'
import { SnapshotRoutes } from '../../src/public/snapshotRoutes'
import { type SeedSummary, seedDemo } from '../../src/seed/seedDemo'
import { dispatchUntilIdle } from '../helpers/ledgerTools'
import { type PublicServer, startPublicServer } from '../helpers/publicServer'
import { startTestHub, type TestHub } from '../helpers/testHub'

let hub: TestHub
let server: PublicServer
let summary: SeedSummary

beforeAll(async () => {
  hub = await startTestHub()
  const routes = new SnapshotRoutes()
  routes.setAuthorizer(
    apiKeyAuthorizer({
      payload: hub.payload,
      others: screenAuthorizer(screenDirectory(hub.payload), hub.payload.secret),
    }),
  )
  const signage = signageAdapter({ payload: hub.payload, routes })
  const registry = createRegistry([signage], {})
  setActiveRegistry(registry)
  summary = await seedDemo(hub.payload)
  await signage.idle()
  await dispatchUntilIdle({ payload: hub.payload, registry, now: () => new Date(), worker: 'demo' })
  server = await startPublicServer([(req, res) => routes.serve(req, res)])
})

afterAll(async () => {
  setActiveRegistry(undefined)
  await server?.close()
  await hub?.cleanup()
})

async function headlines(url: string): Promise<string[]> {
  const res = await fetch(`${server.url}${url}`)
  expect(res.status).toBe(200)
  return ((await res.json()) as Playlist).slides.map((s) => s.headline)
}

describe('the demo screens', () => {
  it('should print the lobby address and the staff room address with its key once', () => {
    expect(summary.screens?.map((s) => s.name)).toEqual([
      'Rådhuset – resepsjon',
      'Modum helsetun – personalrom',
    ])
    expect(summary.screens?.[1]?.url).toMatch(/\/signage\/modum-helsetun-personalrom\?key=skj_/)
  })

  it('should show the demo items in the lobby at Rådhuset, without internal ones', async () => {
    const lobby = await headlines('/signage/radhuset-resepsjon/playlist.json')
    expect(lobby).toEqual(
      expect.arrayContaining(['Vannet stenges i Geithus kl. 09–14', 'Ta vaksine mot influensa']),
    )
    expect(lobby).not.toContain('Ny forside i ansattportalen')
    const page = await fetch(`${server.url}/signage/radhuset-resepsjon`)
    expect(await page.text()).toContain('class="arms"')
  })

  it('should show the internal item too on the staff-room screen, with its key only', async () => {
    const url = new URL(summary.screens?.[1]?.url ?? '')
    const staff = await headlines(`${url.pathname}/playlist.json${url.search}`)
    expect(staff).toContain('Ny forside i ansattportalen')
    const withoutKey = await fetch(`${server.url}${url.pathname}/playlist.json`)
    expect(withoutKey.status).toBe(401)
  })
})
