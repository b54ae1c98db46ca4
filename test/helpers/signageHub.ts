import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { REST_GET } from '@payloadcms/next/routes'
import type { Payload } from 'payload'

import { createRegistry } from '../../channels/registry'
import { signageAdapter, type SignageAdapter } from '../../channels/signage'
import { fixedClock, setClock } from '../../src/clock'
import { setActiveRegistry } from '../../src/outbox/activeRegistry'
import { createDispatcher, type Dispatcher } from '../../src/outbox/createDispatcher'
import { apiKeyAuthorizer } from '../../src/public/apiKeyAuthorizer'
import { screenAuthorizer } from '../../src/public/signage/screenAuthorizer'
import { screenDirectory } from '../../src/public/signage/screenDirectory'
import {
  registerSignageAssets,
  SCREEN_MEDIA,
  signageRoutes,
} from '../../src/public/signage/signageRoutes'
import { SnapshotRoutes } from '../../src/public/snapshotRoutes'
import { type Scheduler, startScheduler } from '../../src/scheduler'
import { startTestHub, type TestHub } from './testHub'

export type SignageHub = {
  hub: TestHub
  clock: ReturnType<typeof fixedClock>
  routes: SnapshotRoutes
  adapter: SignageAdapter
  url: string
  /** Every due delivery, and the rebuilds a screen save started. */
  drain: () => Promise<void>
  /** One scheduler tick, then every delivery it made due. */
  tick: () => Promise<void>
  get: (path: string, headers?: Record<string, string>) => Promise<Response>
  post: (path: string, body: unknown, headers?: Record<string, string>) => Promise<Response>
  /** Stops answering HTTP (the hub is unreachable); the database stays. */
  stopServing: () => Promise<void>
  close: () => Promise<void>
}

/**
 * A hub on a fresh database with the real signage adapter registered (and nothing else), a
 * dispatcher and a manual scheduler on a fixed clock, and a node:http server answering the way
 * src/server.ts does before Express: the snapshots (screen keys checked by the real authorizer),
 * then the heartbeat route.
 */
export async function startSignageHub(
  start: string,
  options: { serveApiGets?: boolean } = {},
): Promise<SignageHub> {
  const hub = await startTestHub()
  const clock = fixedClock(start)
  const restoreClock = setClock(clock)
  const routes = new SnapshotRoutes()
  const directory = screenDirectory(hub.payload, { ttlMs: 0 })
  routes.setAuthorizer(
    apiKeyAuthorizer({
      payload: hub.payload,
      others: screenAuthorizer(directory, hub.payload.secret),
    }),
  )
  routes.notFoundFor(
    (path) => path.startsWith('/signage/') && !SCREEN_MEDIA.test(path),
    'Fant ingen infoskjerm\n',
  )
  registerSignageAssets(routes)
  const adapter = signageAdapter({
    payload: hub.payload,
    routes,
    now: () => clock.now(),
  })
  const registry = createRegistry([adapter], {})
  setActiveRegistry(registry)
  const dispatcher: Dispatcher = createDispatcher({
    payload: hub.payload,
    registry,
    now: () => clock.now(),
    worker: 'test',
  })
  const scheduler: Scheduler = startScheduler({
    payload: hub.payload,
    registry,
    dispatcher,
    now: () => clock.now(),
    expression: 'manual',
  })
  const heartbeats = signageRoutes({
    payload: hub.payload,
    routes,
    directory,
    now: () => clock.now(),
  })
  const api = options.serveApiGets ? restGets(hub.payload) : undefined
  const server = http.createServer((req, res) => {
    if (routes.serve(req, res) || heartbeats.serve(req, res)) return
    if (api && req.method === 'GET' && req.url?.startsWith('/api/')) {
      api(req, res).catch(() => {
        res.statusCode = 500
        res.end()
      })
      return
    }
    res.statusCode = 404
    res.end('not a public route\n')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  let serving = true
  const stopServing = async (): Promise<void> => {
    if (!serving) return
    serving = false
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
  const drain = async (): Promise<void> => {
    await adapter.idle()
    dispatcher.wake()
    await dispatcher.idle()
    await adapter.idle()
  }
  return {
    hub,
    clock,
    routes,
    adapter,
    url,
    drain,
    tick: async () => {
      await scheduler.tick()
      await dispatcher.idle()
    },
    get: (path, headers = {}) => fetch(`${url}${path}`, { headers }),
    post: (path, body, headers = {}) =>
      fetch(`${url}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify(body),
      }),
    stopServing,
    close: async () => {
      await stopServing()
      await scheduler.stop()
      await dispatcher.stop()
      await adapter.idle()
      setActiveRegistry(undefined)
      restoreClock()
      await hub.cleanup()
    },
  }
}

/**
 * Payload's real REST GET handler (what Next mounts at /api) for a node:http server, so the
 * player can load the images a slide points to (`/api/media/generated/…`, renditions).
 */
function restGets(payload: Payload) {
  const handler = REST_GET(Promise.resolve(payload.config))
  return async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const slug = url.pathname
      .replace(/^\/api\//, '')
      .split('/')
      .map(decodeURIComponent)
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') headers.set(name, value)
    }
    const response = await handler(new Request(url, { headers }), {
      params: Promise.resolve({ slug }),
    })
    res.statusCode = response.status
    response.headers.forEach((value, name) => res.setHeader(name, value))
    res.end(Buffer.from(await response.arrayBuffer()))
  }
}
