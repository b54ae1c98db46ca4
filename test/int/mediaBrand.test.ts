import fs from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { GeneratedImages } from '../../media/templates/generatedImages'
import type { Caller, createApi } from '../helpers/api'
import { communicationsDesk } from '../helpers/communicationsDesk'
import { formData, rotatedPhotoWithGps, svgWithScript } from '../helpers/mediaFixtures'
import { getBytes } from '../helpers/rawGet'
import { startTestHub, type TestHub } from '../helpers/testHub'

let hub: TestHub
let api: ReturnType<typeof createApi>
let comms: Caller
let department: number

const PRIMARY = '#00507d'
const ACCENT = '#f2b705'

type ErrorBody = { errors?: { data?: { errors?: { message: string; path: string }[] } }[] }

beforeAll(async () => {
  hub = await startTestHub()
  ;({ api, comms, department } = await communicationsDesk(hub.payload, 'Kultur'))
})

afterAll(async () => {
  await hub?.cleanup()
})

async function pixel(image: Buffer, x: number, y: number): Promise<number[]> {
  return [
    ...(await sharp(image)
      .extract({ left: x, top: y, width: 1, height: 1 })
      .removeAlpha()
      .raw()
      .toBuffer()),
  ]
}

function near(actual: number[], hex: string, tolerance = 12): boolean {
  const want = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))
  return want.every((v, i) => Math.abs((actual[i] ?? -999) - v) <= tolerance)
}

/** Share of pixels in a region within `tolerance` of a colour. */
async function share(image: Buffer, region: sharp.Region, hex: string): Promise<number> {
  const { data, info } = await sharp(image)
    .extract(region)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  let hits = 0
  for (let i = 0; i < data.length; i += info.channels) {
    if (near([data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0], hex, 40)) hits++
  }
  return hits / (info.width * info.height)
}

async function generated(collection: 'news' | 'events', id: number): Promise<GeneratedImages> {
  const res = await api.rest<{ generatedImages: GeneratedImages }>(
    'GET',
    `/${collection}/${id}`,
    comms,
  )
  return res.body.generatedImages
}

describe('graphic profile', () => {
  it('should refuse a text colour pair below 4.5:1 and show the ratio', async () => {
    const res = await api.rest<ErrorBody>('POST', '/globals/brand', comms, {
      colours: { primary: PRIMARY, text: '#999999', background: '#ffffff', accent: ACCENT },
    })
    expect(res.status).toBe(400)
    const problem = res.body.errors?.[0]?.data?.errors?.[0]
    expect(problem?.path).toBe('colours.text')
    expect(problem?.message).toContain('2,84:1')
    expect(problem?.message).toContain('4,50:1')
    const brand = await hub.payload.findGlobal({ slug: 'brand' })
    expect(brand.colours?.text).not.toBe('#999999')
  })

  it('should store an SVG coat of arms only as sanitised, without scripts, handlers or outside links', async () => {
    const res = await api.rest<{ doc: { id: number; filename: string } }>(
      'POST',
      '/brand-assets',
      comms,
      formData(svgWithScript(), { title: 'Kommunevåpen', kind: 'coat-of-arms' }),
    )
    expect(res.status).toBe(201)
    const stored = await fs.readFile(
      path.join(hub.dataDir, 'brand-assets', res.body.doc.filename),
      'utf8',
    )
    for (const bad of ['<script', 'onload', 'onclick', 'evil.example', 'javascript:', '<image']) {
      expect(stored).not.toContain(bad)
    }
    expect(stored).toContain('<rect')
    const brand = await api.rest('POST', '/globals/brand', comms, { coatOfArms: res.body.doc.id })
    expect(brand.status).toBe(200)
  })
})

describe('generated images', () => {
  it('should draw a social card in the brand colour with the title, shortened with an ellipsis', async () => {
    const title =
      'Ærlig talt: Øvre Eiker og Åmot får ny gang- og sykkelvei langs Drammenselva, og arbeidet starter i august med stenging av veien i uker'
    const news = await hub.payload.create({
      collection: 'news',
      data: { title, department, _status: 'published' } as never,
    })
    const images = await generated('news', news.id)
    expect(images.socialCard.alt).toBe(title)
    const card = await getBytes(hub.payload, new URL(images.socialCard.url).pathname)
    const meta = await sharp(card).metadata()
    expect([meta.width, meta.height]).toEqual([1200, 630])
    expect(near(await pixel(card, 20, 400), PRIMARY)).toBe(true)
    expect(near(await pixel(card, 600, 625), ACCENT)).toBe(true)
    // The title is there, in white, and stops above the accent band.
    expect(
      await share(card, { left: 80, top: 230, width: 1040, height: 260 }, '#ffffff'),
    ).toBeGreaterThan(0.05)
    expect(await share(card, { left: 0, top: 560, width: 1200, height: 50 }, '#ffffff')).toBe(0)
  })

  it('should draw a signage slide with the photo, headline, date and place and a QR code', async () => {
    const upload = await api.rest<{ doc: { id: number } }>(
      'POST',
      '/media',
      comms,
      formData(await rotatedPhotoWithGps(), { alt: 'Rødt og blått' }),
    )
    const event = await hub.payload.create({
      collection: 'events',
      data: {
        title: 'Konsert på Vikersund bad',
        startsAt: '2027-06-05T10:00:00.000Z',
        place: 'Vikersund bad',
        image: upload.body.doc.id,
        department,
        _status: 'published',
      } as never,
    })
    const images = await generated('events', event.id)
    expect(images.signageSlide.alt).toBe(
      'Konsert på Vikersund bad. lørdag 5. juni kl. 12:00 · Vikersund bad',
    )
    const slide = await getBytes(hub.payload, new URL(images.signageSlide.url).pathname)
    const meta = await sharp(slide).metadata()
    expect([meta.width, meta.height, meta.format]).toEqual([1920, 1080, 'jpeg'])
    expect(near(await pixel(slide, 1450, 640), PRIMARY)).toBe(true) // the panel
    expect(near(await pixel(slide, 1800, 100), '#ff0000', 40)).toBe(true) // the photo (red top half)
    expect(
      await share(slide, { left: 80, top: 670, width: 1300, height: 200 }, '#ffffff'),
    ).toBeGreaterThan(0.05)
    expect(
      await share(slide, { left: 80, top: 920, width: 1300, height: 80 }, '#ffffff'),
    ).toBeGreaterThan(0.02)
    const qr = { left: 1540, top: 700, width: 300, height: 300 }
    expect(await share(slide, qr, '#000000')).toBeGreaterThan(0.2)
    expect(await share(slide, qr, '#ffffff')).toBeGreaterThan(0.2)
  })

  it('should give new images when the item or the brand changes', async () => {
    const news = await hub.payload.create({
      collection: 'news',
      data: { title: 'Første tittel', department, _status: 'published' } as never,
    })
    const first = await generated('news', news.id)
    expect((await generated('news', news.id)).socialCard.url).toBe(first.socialCard.url)
    await hub.payload.update({ collection: 'news', id: news.id, data: { title: 'Andre tittel' } })
    const second = await generated('news', news.id)
    expect(second.socialCard.url).not.toBe(first.socialCard.url)
    await hub.payload.updateGlobal({
      slug: 'brand',
      data: { colours: { primary: '#7a1f3d' } },
    })
    const third = await generated('news', news.id)
    expect(third.socialCard.url).not.toBe(second.socialCard.url)
    const card = await getBytes(hub.payload, new URL(third.socialCard.url).pathname)
    expect(near(await pixel(card, 20, 400), '#7a1f3d')).toBe(true)
  })
})
