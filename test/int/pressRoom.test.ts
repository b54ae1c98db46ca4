import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { contrastRatio } from '../../media/brand/contrast'
import { fixedClock, setClock } from '../../src/clock'
import { registerPublicFonts, shellColours, pageBrandFrom } from '../../src/public/html'
import { PressRoom, type PressKit } from '../../src/public/press'
import { SnapshotRoutes } from '../../src/public/snapshotRoutes'
import { axeViolations } from '../helpers/axePage'
import { addBrandAssets, addPressRelease, type BrandFiles, CONTACT } from '../helpers/pressFixtures'
import { type PublicServer, startPublicServer } from '../helpers/publicServer'
import { startTestHub, type TestHub } from '../helpers/testHub'

const DAY = 24 * 60 * 60 * 1000

let hub: TestHub
let server: PublicServer
let files: BrandFiles
let department: number | string
const clock = fixedClock(new Date())
let restoreClock: () => void

beforeAll(async () => {
  hub = await startTestHub()
  restoreClock = setClock(clock)
  const dep = await hub.payload.create({
    collection: 'departments',
    data: { name: 'Sentraladministrasjonen', kind: 'etat' },
  })
  department = dep.id
  files = await addBrandAssets(hub.payload)
  await addPressRelease(hub.payload, department, 'Budsjettet er vedtatt', {
    publishAt: new Date(clock.now().getTime() - DAY).toISOString(),
  })
  await addPressRelease(hub.payload, department, 'Vanlig nyhet', { type: 'news', contact: {} })
  const snapshots = new SnapshotRoutes()
  registerPublicFonts(snapshots)
  // TTL 0: every request rebuilds, so each test sees the database as it is.
  const room = new PressRoom({ payload: hub.payload, ttlMs: 0 })
  server = await startPublicServer([
    (req, res) => snapshots.serve(req, res),
    (req, res) => room.serve(req, res),
  ])
})

afterAll(async () => {
  restoreClock?.()
  await server?.close()
  await hub?.cleanup()
})

const get = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init)
const kit = async () => (await (await get('/api/press-kit')).json()) as PressKit
const localPath = (url: string) => new URL(url).pathname

describe('/api/press-kit', () => {
  it('should list the brand assets with kind, usage, type and a download link', async () => {
    const res = await get('/api/press-kit')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
    const body = (await res.json()) as PressKit
    expect(body.organisation).toBe('Modum kommune')
    expect(body.assets.map((a) => [a.title, a.kind, a.mimeType])).toEqual([
      ['Kommunevåpen negativ SVG', 'coat-of-arms', 'image/svg+xml'],
      ['Kommunevåpen PNG', 'coat-of-arms', 'image/png'],
      ['Source Sans 3 normal', 'font', 'font/ttf'],
    ])
    const png = body.assets.find((a) => a.mimeType === 'image/png')
    expect(png).toMatchObject({
      kindLabel: 'Kommunevåpen',
      alt: 'Kommunevåpenet: blått skjold med sol og bølger.',
      usage: 'På hvit bakgrunn.',
      bytes: files.png.length,
    })
    expect(png?.url).toMatch(/^https?:\/\/[^/]+\/press\/files\/vapen\.png$/)
  })

  it('should give the colour codes and the typeface with its files', async () => {
    const body = await kit()
    expect(body.colours.map((c) => [c.role, c.hex, c.rgb])).toEqual([
      ['primary', '#00507d', [0, 80, 125]],
      ['text', '#1a1a1a', [26, 26, 26]],
      ['background', '#ffffff', [255, 255, 255]],
      ['accent', '#f2b705', [242, 183, 5]],
    ])
    expect(body.typefaces[0]?.name).toBe('Source Sans 3')
    expect(body.typefaces[0]?.files.map((f) => f.weight)).toEqual([400, 700])
    expect(body.links.rss).toMatch(/\/feeds\/press\.rss$/)
  })

  it('should list the visible press release with its contact and links, and no plain news', async () => {
    const body = await kit()
    expect(body.pressReleases).toHaveLength(1)
    expect(body.pressReleases[0]).toMatchObject({
      title: 'Budsjettet er vedtatt',
      lead: 'Ingress for Budsjettet er vedtatt.',
      department: 'Sentraladministrasjonen',
      contact: CONTACT,
    })
    expect(body.pressReleases[0]?.url).toMatch(/\/news\/budsjettet-er-vedtatt$/)
    expect(body.pressReleases[0]?.apiUrl).toMatch(/\/api\/news\/\d+$/)
  })
})

describe('/press', () => {
  it('should show the press release, its contact and every brand asset with its download link', async () => {
    const res = await get('/press')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const html = await res.text()
    expect(html).toContain('Budsjettet er vedtatt')
    expect(html).toContain(CONTACT.name)
    expect(html).toContain('href="tel:+4740000000"')
    expect(html).toContain(`href="mailto:${CONTACT.email}"`)
    for (const asset of (await kit()).assets) {
      expect(html).toContain(`href="${asset.url}" download="${asset.filename}"`)
    }
    expect(html).not.toContain('Vanlig nyhet')
  })

  it('should point feed readers at the press RSS feed', async () => {
    const html = await (await get('/press')).text()
    expect(html).toMatch(
      /<link\s+rel="alternate"\s+type="application\/rss\+xml"\s+title="[^"]*"\s+href="\/feeds\/press\.rss"/,
    )
  })

  it('should send a policy that allows no inline code but its own hashed style', async () => {
    const res = await get('/press')
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toMatch(/default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'/)
    expect(csp).toContain("script-src 'none'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(await res.text()).not.toMatch(/\sstyle="|<script/)
  })

  it('should pass the axe-core WCAG 2.1 A and AA checks', async () => {
    const html = await (await get('/press')).text()
    expect(await axeViolations(html)).toEqual([])
  })

  it('should set its text in colours with at least 4.5:1 contrast', async () => {
    const brand = await hub.payload.findGlobal({ slug: 'brand', depth: 1 })
    const c = shellColours(pageBrandFrom(brand))
    expect(contrastRatio(c.text, c.page)).toBeGreaterThanOrEqual(4.5)
    expect(contrastRatio(c.link, c.page)).toBeGreaterThanOrEqual(4.5)
    expect(contrastRatio(c.bandText, c.band)).toBeGreaterThanOrEqual(4.5)
    const html = await (await get('/press')).text()
    expect(html).toContain(
      `--text:${c.text};--link:${c.link};--band:${c.band};--band-text:${c.bandText}`,
    )
  })

  it('should show the coat of arms from the brand global and serve it', async () => {
    const html = await (await get('/press')).text()
    expect(html).toContain('<img src="/press/files/vapen.png" alt=""')
    const res = await get('/press/files/vapen.png')
    expect(res.status).toBe(200)
  })

  it('should answer 304 to a reader who has the current page', async () => {
    const first = await get('/press')
    const etag = first.headers.get('etag') ?? ''
    const again = await get('/press', { headers: { 'If-None-Match': etag } })
    expect(again.status).toBe(304)
  })
})

describe('/press/files/', () => {
  it.each([
    ['vapen.png', 'image/png', 'png'],
    ['vapen-negativ.svg', 'image/svg+xml', 'svg'],
    ['source-sans-3.ttf', 'font/ttf', 'ttf'],
  ] as const)('should serve %s as the stored bytes with type %s', async (name, type, key) => {
    const res = await get(`/press/files/${name}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe(type)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(Buffer.from(await res.arrayBuffer()).equals(files[key])).toBe(true)
  })

  it('should sandbox an SVG opened on its own', async () => {
    const res = await get('/press/files/vapen-negativ.svg')
    expect(res.headers.get('content-security-policy')).toContain('sandbox')
  })

  it.each([
    '/press/files/finnes-ikke.png',
    '/press/files/..%2Fhub.db',
    '/press/files/%E0%A4%A',
    '/press/noe',
  ])('should answer %s with 404 and a short text', async (path) => {
    const res = await get(path)
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    const text = await res.text()
    expect(text.length).toBeLessThan(200)
    expect(text).toMatch(/^Fant ingen/)
  })

  it('should refuse to change anything with 405', async () => {
    const res = await get('/api/press-kit', { method: 'POST', body: '{}' })
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toBe('GET, HEAD')
  })

  it('should serve the bundled typeface from the fast path as font/ttf', async () => {
    const url = (await kit()).typefaces[0]?.files[0]?.url ?? ''
    const res = await get(localPath(url))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('font/ttf')
    expect(res.headers.get('cache-control')).toContain('immutable')
  })
})
