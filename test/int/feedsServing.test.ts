import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createPullPublisher } from '../../src/public/pullPublisher'
import { SnapshotRoutes } from '../../src/public/snapshotRoutes'
import { loadSnapshots, saveSnapshot } from '../../src/public/snapshotStore'
import { startSnapshotSync } from '../../src/public/snapshotSync'
import { startFeedsHub, type FeedsHub } from '../helpers/feedsHub'

let feeds: FeedsHub
let department: number

async function publishNews(title: string) {
  const doc = await feeds.hub.payload.create({
    collection: 'news',
    data: { title, department, channels: ['feeds'], _status: 'published' } as never,
  })
  await feeds.drain()
  return doc
}

beforeAll(async () => {
  feeds = await startFeedsHub('2026-12-01T09:00:00.000Z')
  department = (
    await feeds.hub.payload.create({
      collection: 'departments',
      data: { name: 'Teknisk', kind: 'etat' },
    })
  ).id
  await publishNews('Brøyting i helgen')
})

afterAll(async () => {
  await feeds?.close()
})

describe('serving the feeds', () => {
  it('should answer a matching If-None-Match with 304 and no body', async () => {
    const first = await feeds.get('/feeds/news.rss')
    const etag = first.headers.get('etag') ?? ''
    expect(etag).toMatch(/^"[\w-]+"$/)
    const again = await feeds.get('/feeds/news.rss', { 'If-None-Match': etag })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
  })

  it('should answer If-Modified-Since at Last-Modified with 304', async () => {
    const first = await feeds.get('/feeds/news.json')
    const lastModified = first.headers.get('last-modified') ?? ''
    expect(first.headers.get('cache-control')).toBe('public, max-age=60')
    const again = await feeds.get('/feeds/news.json', { 'If-Modified-Since': lastModified })
    expect(again.status).toBe(304)
  })

  it('should change the ETag when an item enters the feed', async () => {
    const before = (await feeds.get('/feeds/news.rss')).headers.get('etag')
    await publishNews('Vannet stenges tirsdag')
    const after = await feeds.get('/feeds/news.rss', { 'If-None-Match': before ?? '' })
    expect(after.status).toBe(200)
    expect(await after.text()).toContain('Vannet stenges tirsdag')
  })

  it('should answer HEAD with the headers and no body', async () => {
    const res = await fetch((await feeds.get('/feeds/news.rss')).url, { method: 'HEAD' })
    expect(res.status).toBe(200)
    expect(Number(res.headers.get('content-length'))).toBeGreaterThan(0)
    expect(await res.text()).toBe('')
  })

  it('should answer an empty feed 200 before anything was delivered to it', async () => {
    const res = await feeds.get('/feeds/press.rss')
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<channel>')
  })

  it('should answer an unknown feed 404 with a short text', async () => {
    const res = await feeds.get('/feeds/departments/finnes-ikke.rss')
    expect(res.status).toBe(404)
    expect(await res.text()).toBe('Fant ingen feed\n')
  })

  it('should serve the same bytes from another process that loads the stored snapshots', async () => {
    const web = new SnapshotRoutes()
    const sync = await startSnapshotSync({
      payload: feeds.hub.payload,
      routes: web,
      intervalMs: 60_000,
    })
    try {
      expect(web.get('/feeds/news.rss')?.etag).toBe(feeds.routes.get('/feeds/news.rss')?.etag)
      await publishNews('Biblioteket holder stengt')
      expect(web.get('/feeds/news.rss')?.body.toString()).not.toContain('Biblioteket')
      await sync.refresh()
      expect(web.get('/feeds/news.rss')?.body.toString()).toContain('Biblioteket holder stengt')
      expect(web.get('/feeds/news.rss')?.etag).toBe(feeds.routes.get('/feeds/news.rss')?.etag)
    } finally {
      sync.stop()
    }
  })
})

describe('rebuilds', () => {
  it('should share rebuilds between deliveries to one target that arrive together', async () => {
    let builds = 0
    const publisher = createPullPublisher<{ n: number }>({
      payload: feeds.hub.payload,
      channel: 'test-coalesce',
      build: (_target, entries) => {
        builds++
        const body = entries
          .map((e) => e.entry.n)
          .sort((a, b) => a - b)
          .join(',')
        return [{ path: '/test/coalesce.txt', body, contentType: 'text/plain' }]
      },
    })
    const n = 20
    await Promise.all(
      Array.from({ length: n }, (_, i) =>
        publisher.upsert('t', {
          itemUid: `item-${i}`,
          sortAt: new Date(Date.UTC(2026, 11, 1, 9, i)),
          revision: 1,
          entry: { n: i },
        }),
      ),
    )
    expect(builds).toBeLessThan(n)
    const [stored] = await loadSnapshots(feeds.hub.payload, ['/test/coalesce.txt'])
    expect(stored?.body).toBe(Array.from({ length: n }, (_, i) => i).join(','))
  })

  it('should let processes that build the same new snapshot at once all succeed', async () => {
    // Workers booting together each build the empty feeds: all but one meet the unique path.
    const publishers = Array.from({ length: 3 }, () =>
      createPullPublisher<{ n: number }>({
        payload: feeds.hub.payload,
        channel: 'test-race',
        build: () => [{ path: '/test/race.txt', body: 'empty', contentType: 'text/plain' }],
      }),
    )
    await Promise.all(publishers.map((p) => p.rebuild('t')))
    const [stored] = await loadSnapshots(feeds.hub.payload, ['/test/race.txt'])
    expect(stored?.body).toBe('empty')
  })

  it('should never replace a stored snapshot with one built from older entries', async () => {
    const base = {
      path: '/test/generation.txt',
      owner: 'test:generation',
      contentType: 'text/plain',
      lastModified: new Date('2026-12-01T09:00:00Z'),
      cacheControl: 'public, max-age=60',
      access: 'public',
    }
    const payload = feeds.hub.payload
    expect(
      await saveSnapshot(payload, { ...base, body: 'new', etag: '"n"', generation: 2000 }),
    ).toBe(true)
    expect(
      await saveSnapshot(payload, { ...base, body: 'old', etag: '"o"', generation: 1000 }),
    ).toBe(false)
    const [stored] = await loadSnapshots(payload, [base.path])
    expect(stored?.body).toBe('new')
  })
})

describe('the /feeds page', () => {
  it('should list every feed with its address, a copy button and a discovery link', async () => {
    const res = await feeds.get('/feeds')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const page = await res.text()
    expect(page).toContain('<html lang="nb">')
    const urls = [
      '/feeds/news.rss',
      '/feeds/news.json',
      '/feeds/press.rss',
      '/feeds/service-messages.rss',
      '/feeds/events.ics',
      '/feeds/departments/teknisk.rss',
      '/feeds/departments/teknisk.json',
    ].map((path) => `http://localhost:3000${path}`)
    for (const url of urls) {
      expect(page).toContain(`data-copy="${url}"`)
      expect(page).toMatch(new RegExp(`<link[^>]*rel="alternate"[^>]*href="${url}"`))
    }
    expect(page).toMatch(/<link\s+rel="alternate"\s+type="application\/rss\+xml"/)
    expect(page).toMatch(/<link\s+rel="alternate"\s+type="text\/calendar"/)
  })
})
