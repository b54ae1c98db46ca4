import type { Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type SignageHub, startSignageHub } from '../helpers/signageHub'
import { type Browser, chromiumAvailable, launchChromium } from './chromium'

declare global {
  interface Window {
    signagePlayer?: {
      version: () => string | null
      current: () => string | null
      online: () => boolean
      shown: () => string[]
    }
  }
}

const T0 = '2026-12-01T09:00:00.000Z'
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString()

/** Waits (in real time) until the page says yes; the page's own clock is the fake one. */
async function until(page: Page, check: () => boolean | Promise<boolean>, what: string) {
  const deadline = Date.now() + 10_000
  for (;;) {
    if (await page.evaluate(check)) return
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

const current = (page: Page) => page.evaluate(() => window.signagePlayer?.current() ?? null)
const shown = (page: Page) => page.evaluate(() => window.signagePlayer?.shown() ?? [])

describe.skipIf(!chromiumAvailable())('the signage player in headless Chromium', () => {
  let signage: SignageHub
  let browser: Browser
  let page: Page
  const uid: Record<string, string> = {}
  let department: number | string

  async function publish(
    key: string,
    collection: 'news' | 'events' | 'service-messages',
    data: object,
  ) {
    const doc = await signage.hub.payload.create({
      collection,
      data: {
        slug: key,
        department,
        channels: ['signage'],
        _status: 'published',
        ...data,
      } as never,
    })
    uid[key] = String(doc.uid)
    await signage.drain()
  }

  beforeAll(async () => {
    signage = await startSignageHub(T0, { serveApiGets: true })
    // Slide pictures are absolute addresses: let them point at this server.
    process.env.PUBLIC_URL = signage.url
    department = (
      await signage.hub.payload.create({
        collection: 'departments',
        data: { name: 'Kultur', kind: 'etat' },
      })
    ).id
    await signage.hub.payload.create({
      collection: 'screens',
      data: {
        name: 'Resepsjon',
        slug: 'resepsjon',
        location: 'Rådhuset',
        orientation: 'landscape',
        audience: 'public',
        slideSeconds: 5,
        maxAgeDays: 14,
      },
    })
    await signage.drain()
    await publish('konsert', 'events', {
      title: 'Lunsjkonsert',
      startsAt: at(30),
      endsAt: at(60),
      place: 'Rådhuset',
      publishAt: at(-180),
    })
    const photo = await sharp({
      create: { width: 800, height: 450, channels: 3, background: '#2e7d32' },
    })
      .jpeg()
      .toBuffer()
    const media = await signage.hub.payload.create({
      collection: 'media',
      data: { alt: 'Den nye sykkelveien langs elva', credit: 'Modum kommune' },
      file: { data: photo, mimetype: 'image/jpeg', name: 'sykkelvei.jpg', size: photo.length },
    })
    await publish('nyhet-b', 'news', {
      title: 'Ny gang- og sykkelvei',
      publishAt: at(-60),
      image: media.id,
    })
    await publish('nyhet-a', 'news', { title: 'Biblioteket åpner søndager', publishAt: at(-120) })

    browser = await launchChromium()
    page = await browser.context.newPage()
    await page.clock.install({ time: at(-1) })
    await page.goto(`${signage.url}/signage/resepsjon`)
    await page.clock.pauseAt(new Date(T0))
    await until(page, () => Boolean(window.signagePlayer?.current()), 'the first slide')
  })

  afterAll(async () => {
    await browser?.close()
    await signage?.close()
    delete process.env.PUBLIC_URL
  })

  it('should rotate the slides in playlist order', async () => {
    const order = [uid.konsert, uid['nyhet-b'], uid['nyhet-a']]
    const first = await current(page)
    const start = order.indexOf(first ?? '')
    expect(start).toBeGreaterThanOrEqual(0)
    for (let step = 1; step <= 3; step++) {
      await page.clock.runFor(5_000)
      expect(await current(page)).toBe(order[(start + step) % order.length])
    }
  })

  it('should report the version it shows with a heartbeat', async () => {
    const version = await page.evaluate(() => window.signagePlayer?.version() ?? null)
    expect(version).toMatch(/^"/)
    const deadline = Date.now() + 10_000
    let screen: { shownVersion?: string | null; showsCurrent?: boolean | null } | undefined
    while (Date.now() < deadline) {
      const { docs } = await signage.hub.payload.find({ collection: 'screens' })
      screen = docs[0]
      if (screen?.shownVersion === version) break
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect(screen).toMatchObject({ shownVersion: version, showsCurrent: true })
  })

  it('should let a service message interrupt at once and keep it on screen', async () => {
    await publish('vann', 'service-messages', {
      title: 'Vannet er stengt i Geithus',
      area: 'Geithus',
      severity: 'critical',
      expiresAt: at(120),
      publishAt: at(-5),
    })
    // The next poll brings it; it is shown as soon as it arrives, not after the current slide.
    await page.clock.runFor(30_000)
    await until(page, () => window.signagePlayer?.current() !== null, 'a slide')
    const notice = uid.vann
    await until(
      page,
      () =>
        document.querySelector('#stage article')?.getAttribute('data-kind') === 'service-message',
      'the service message',
    )
    expect(await current(page)).toBe(notice)
    await page.clock.runFor(5_000)
    expect(await current(page)).not.toBe(notice)
    expect(await page.locator('#notice').textContent()).toContain('Vannet er stengt i Geithus')
    expect(await page.locator('#notice').isVisible()).toBe(true)
  })

  it('should show only service messages outside the screen’s showing times', async () => {
    await signage.hub.payload.create({
      collection: 'screens',
      data: {
        name: 'Dagtid',
        slug: 'dagtid',
        location: 'Rådhuset',
        orientation: 'landscape',
        audience: 'public',
        slideSeconds: 5,
        maxAgeDays: 14,
        // Tuesday 1 December: T0 is 10:00 in Oslo, inside; 10:45 is outside.
        dayparts: [{ days: ['1', '2', '3', '4', '5'], from: '07:00', to: '10:30' }],
      },
    })
    await signage.drain()
    const day = await browser.context.newPage()
    try {
      await day.clock.install({ time: at(-1) })
      await day.goto(`${signage.url}/signage/dagtid`)
      await day.clock.pauseAt(new Date(T0))
      await until(day, () => Boolean(window.signagePlayer?.current()), 'the first slide')
      await day.clock.runFor(20_000)
      expect(new Set(await shown(day))).toEqual(
        new Set([uid.vann, uid.konsert, uid['nyhet-b'], uid['nyhet-a']]),
      )
      await day.clock.fastForward('00:45:00')
      const from = (await shown(day)).length
      await day.clock.runFor(15_000)
      const after = (await shown(day)).slice(from)
      expect(after.length).toBeGreaterThan(0)
      expect(new Set(after)).toEqual(new Set([uid.vann]))
    } finally {
      await day.close()
    }
  })

  it('should keep playing, and start again, when the hub cannot be reached', async () => {
    await until(
      page,
      async () =>
        Boolean(navigator.serviceWorker.controller) &&
        Boolean(await caches.match(location.href)) &&
        Boolean(await caches.match('/signage/player.js')),
      'the service worker and its copies',
    )
    await signage.stopServing()
    const before = await current(page)
    await page.clock.runFor(5_000)
    expect(await current(page)).not.toBe(before)
    await page.clock.runFor(30_000)
    await until(page, () => !document.getElementById('offline')?.hidden, 'the offline note')

    await page.reload()
    await until(page, () => Boolean(window.signagePlayer?.current()), 'a slide after the restart')
    await page.clock.runFor(5_000)
    expect(await page.evaluate(() => window.signagePlayer?.online())).toBe(false)
    expect(await current(page)).not.toBeNull()
    // The photo comes from Cache Storage too.
    for (let step = 0; step < 4 && (await current(page)) !== uid['nyhet-b']; step++) {
      await page.clock.runFor(5_000)
    }
    expect(await current(page)).toBe(uid['nyhet-b'])
    await until(
      page,
      () => {
        const img = document.querySelector<HTMLImageElement>('#stage img')
        return Boolean(img?.complete && img.naturalWidth === 1920)
      },
      'the photo from the cache',
    )
    if (process.env.SIGNAGE_SCREENSHOT)
      await page.screenshot({ path: process.env.SIGNAGE_SCREENSHOT })
  })

  it('should drop a slide past its validUntil while offline', async () => {
    const rounds = [uid.vann, uid.konsert, uid['nyhet-b'], uid['nyhet-a']]
    // A full round offline first: the concert is still on.
    const start = (await shown(page)).length
    await page.clock.runFor(20_000)
    expect(new Set((await shown(page)).slice(start))).toEqual(new Set(rounds))

    await page.clock.fastForward('01:00:00') // the concert ended at T0 + 60 min
    const from = (await shown(page)).length
    await page.clock.runFor(25_000)
    const after = (await shown(page)).slice(from)
    expect(after.length).toBeGreaterThanOrEqual(4)
    expect(after).not.toContain(uid.konsert)
    expect(new Set(after)).toEqual(new Set([uid.vann, uid['nyhet-b'], uid['nyhet-a']]))
  })
})
