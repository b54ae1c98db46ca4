import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'

import { type Authorizer, SnapshotRoutes } from '../../../src/public/snapshotRoutes'

let server: http.Server | undefined

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  server = undefined
})

async function serve(routes: SnapshotRoutes): Promise<string> {
  server = http.createServer((req, res) => {
    if (!routes.serve(req, res)) {
      res.statusCode = 418
      res.end('passed on')
    }
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

/** Allows `Bearer good`, forbids `Bearer weak`, and wants a key otherwise. */
const byHeader =
  (async: boolean): Authorizer =>
  (req) => {
    const auth = req.headers.authorization
    const decision = auth === 'Bearer good' ? 'allow' : auth ? 'forbidden' : 'unauthenticated'
    return async ? Promise.resolve(decision) : decision
  }

function protectedRoutes(async = false): SnapshotRoutes {
  const routes = new SnapshotRoutes()
  routes.setAuthorizer(byHeader(async))
  routes.put('/feeds/portal.json', {
    body: '{"items":[]}',
    contentType: 'application/feed+json',
    access: 'internal',
    cacheControl: 'private, max-age=60',
  })
  return routes
}

describe('protected snapshots', () => {
  it('should answer 401 without a key and never send the bytes', async () => {
    const res = await fetch(`${await serve(protectedRoutes())}/feeds/portal.json`)
    expect(res.status).toBe(401)
    expect(await res.text()).not.toContain('items')
    expect(res.headers.get('cache-control')).toBe('no-store')
  })

  it('should answer 403 to a key the authorizer refuses', async () => {
    const res = await fetch(`${await serve(protectedRoutes(true))}/feeds/portal.json`, {
      headers: { Authorization: 'Bearer weak' },
    })
    expect(res.status).toBe(403)
  })

  it('should serve an allowed caller privately, varying by Authorization', async () => {
    const res = await fetch(`${await serve(protectedRoutes(true))}/feeds/portal.json`, {
      headers: { Authorization: 'Bearer good' },
    })
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('{"items":[]}')
    expect(res.headers.get('cache-control')).toBe('private, max-age=60')
    expect(res.headers.get('vary')).toBe('Authorization')
  })

  it('should refuse a protected snapshot when no authorizer is set', async () => {
    const routes = new SnapshotRoutes()
    routes.put('/x', { body: 'secret', contentType: 'text/plain', access: 'internal' })
    expect((await fetch(`${await serve(routes)}/x`)).status).toBe(403)
  })
})

describe('snapshot routes', () => {
  it('should answer an unknown path under an owned prefix 404 with a short text', async () => {
    const routes = new SnapshotRoutes()
    routes.notFoundFor((p) => p.startsWith('/feeds/'), 'Fant ingen feed\n')
    const url = await serve(routes)
    const res = await fetch(`${url}/feeds/nope.rss`)
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(await res.text()).toBe('Fant ingen feed\n')
    expect((await fetch(`${url}/admin`)).status).toBe(418)
  })

  it('should keep the newer snapshot when an older generation is put after it', () => {
    const routes = new SnapshotRoutes()
    routes.put('/a', { body: 'new', contentType: 'text/plain', generation: 20 })
    routes.put('/a', { body: 'old', contentType: 'text/plain', generation: 10 })
    expect(routes.get('/a')?.body.toString()).toBe('new')
  })
})
