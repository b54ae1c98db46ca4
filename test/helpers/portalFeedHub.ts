import type { Payload } from 'payload'

import { portalAdapter } from '../../channels/portal'
import { createRegistry, type ChannelRegistry } from '../../channels/registry'
import { loadEndpointsFromPayload } from '../../channels/website'
import { apiKeyAuthorizer } from '../../src/public/apiKeyAuthorizer'
import { SnapshotRoutes } from '../../src/public/snapshotRoutes'
import { dispatchUntilIdle } from './ledgerTools'
import { type PublicServer, startPublicServer } from './publicServer'

export type PortalFeedHub = {
  /** A registry with just the portal adapter (its endpoints and its feed). */
  registry: () => ChannelRegistry
  /** Every due delivery, until nothing is due. */
  dispatchAll: () => Promise<number>
  /** GET from the served routes, with this `Authorization` header when given. */
  get: (path: string, authorization?: string) => Promise<Response>
  close: () => Promise<void>
}

/**
 * The portal adapter with its feed on `payload`, and a real HTTP server answering from its
 * routes with the hub's API-key authorizer, the way src/server.ts does before Express.
 */
export async function startPortalFeedHub(
  payload: Payload,
  now: () => Date = () => new Date(),
): Promise<PortalFeedHub> {
  const routes = new SnapshotRoutes()
  routes.setAuthorizer(apiKeyAuthorizer({ payload }))
  const adapter = portalAdapter({
    loadEndpoints: loadEndpointsFromPayload(payload, 'portal'),
    feed: { payload, routes, now },
  })
  const registry = () => createRegistry([adapter], {})
  const server: PublicServer = await startPublicServer([(req, res) => routes.serve(req, res)])
  return {
    registry,
    dispatchAll: () => dispatchUntilIdle({ payload, registry: registry(), now, worker: 'test' }),
    get: (path, authorization) =>
      fetch(`${server.url}${path}`, { headers: authorization ? { authorization } : {} }),
    close: () => server.close(),
  }
}
