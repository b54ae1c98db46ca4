import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'

import { SnapshotRoutes } from '../../src/public/snapshotRoutes'

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

describe('SnapshotRoutes', () => {
  it('should serve a snapshot with a strong ETag and Last-Modified', async () => {
    const routes = new SnapshotRoutes()
    routes.put('/feeds/news.rss', {
      body: '<rss/>',
      contentType: 'application/rss+xml',
      lastModified: new Date('2026-11-01T10:00:00Z'),
    })
    const res = await fetch(`${await serve(routes)}/feeds/news.rss?utm=x`)
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('<rss/>')
    expect(res.headers.get('etag')).toMatch(/^"[\w-]+"$/)
    expect(res.headers.get('last-modified')).toBe('Sun, 01 Nov 2026 10:00:00 GMT')
  })

  it('should answer 304 to a matching If-None-Match', async () => {
    const routes = new SnapshotRoutes()
    const snap = routes.put('/a', { body: 'x', contentType: 'text/plain' })
    const res = await fetch(`${await serve(routes)}/a`, { headers: { 'If-None-Match': snap.etag } })
    expect(res.status).toBe(304)
  })

  it('should answer 304 to If-Modified-Since at or after Last-Modified', async () => {
    const routes = new SnapshotRoutes()
    routes.put('/a', {
      body: 'x',
      contentType: 'text/plain',
      lastModified: new Date('2026-11-01T10:00:00.500Z'),
    })
    const res = await fetch(`${await serve(routes)}/a`, {
      headers: { 'If-Modified-Since': 'Sun, 01 Nov 2026 10:00:00 GMT' },
    })
    expect(res.status).toBe(304)
  })

  it('should answer HEAD with headers and no body', async () => {
    const routes = new SnapshotRoutes()
    routes.put('/a', { body: 'hello', contentType: 'text/plain' })
    const res = await fetch(`${await serve(routes)}/a`, { method: 'HEAD' })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-length')).toBe('5')
    expect(await res.text()).toBe('')
  })

  it('should pass on unknown paths and other methods', async () => {
    const routes = new SnapshotRoutes()
    routes.put('/a', { body: 'x', contentType: 'text/plain' })
    const url = await serve(routes)
    expect((await fetch(`${url}/b`)).status).toBe(418)
    expect((await fetch(`${url}/a`, { method: 'POST' })).status).toBe(418)
  })
})
