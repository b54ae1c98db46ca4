import fs from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { PRESETS } from '../../media/renditions/presets'
import type { Caller, createApi } from '../helpers/api'
import { communicationsDesk } from '../helpers/communicationsDesk'
import {
  animatedGif,
  cmykJpeg,
  type Fixture,
  formData,
  pixelBombPng,
  png16Bit,
  pngWithAlpha,
  rotatedPhotoWithGps,
  svgWithScript,
  textNamedJpg,
} from '../helpers/mediaFixtures'
import { getBytes, rawResponse } from '../helpers/rawGet'
import { startTestHub, type TestHub } from '../helpers/testHub'

type Rendition = {
  preset: string
  format: string
  width: number
  height: number
  url: string
  alt: string
  credit: string | null
}
type MediaDoc = { id: number; filename: string; renditions: Rendition[] }
type ErrorBody = {
  errors?: { message: string; data?: { errors?: { message: string; path: string }[] } }[]
}

let hub: TestHub
let api: ReturnType<typeof createApi>
let comms: Caller

beforeAll(async () => {
  hub = await startTestHub()
  ;({ api, comms } = await communicationsDesk(hub.payload, 'Kommunikasjon'))
})

afterAll(async () => {
  await hub?.cleanup()
})

async function upload(fixture: Fixture, fields: Record<string, unknown> = { alt: 'Testbilde' }) {
  return api.rest<{ doc: MediaDoc } & ErrorBody>('POST', '/media', comms, formData(fixture, fields))
}

/** Reads a rendition's bytes the way a channel would, through the HTTP route. */
async function renditionBytes(rendition: Rendition): Promise<Buffer> {
  return getBytes(hub.payload, new URL(rendition.url).pathname, comms)
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name))
}

function expectAllPresets(doc: MediaDoc, fallback: 'jpeg' | 'png') {
  for (const preset of PRESETS) {
    const made = doc.renditions.filter((r) => r.preset === preset.name)
    const formats = made.map((r) => r.format).sort()
    expect(formats).toEqual(
      preset.name === 'press' ? [fallback] : ['avif', fallback, 'webp'].sort(),
    )
    if (preset.width) {
      for (const r of made) expect([r.width, r.height]).toEqual([preset.width, preset.height])
    }
  }
}

async function expectClean(data: Buffer, channels: number) {
  const meta = await sharp(data).metadata()
  expect(meta.exif).toBeUndefined()
  expect(meta.icc).toBeUndefined()
  expect(meta.xmp).toBeUndefined()
  expect(meta.iptc).toBeUndefined()
  expect(meta.space).toBe('srgb')
  expect(meta.depth).toBe('uchar')
  expect(meta.channels).toBe(channels)
}

describe('renditions', () => {
  it('should turn an EXIF-rotated photo with GPS into upright renditions with no metadata left', async () => {
    const fixture = await rotatedPhotoWithGps()
    const before = await sharp(fixture.data).metadata()
    expect(before.exif?.toString('hex')).toContain('2588') // the GPS IFD pointer is there
    const res = await upload(fixture, { alt: 'Rødt og blått felt', credit: 'Foto: Kari Nordmann' })
    expect(res.status).toBe(201)
    const doc = res.body.doc
    expectAllPresets(doc, 'jpeg')
    const press = doc.renditions.find((r) => r.preset === 'press')
    expect([press?.width, press?.height]).toEqual([400, 600])
    for (const r of doc.renditions) {
      expect(r.alt).toBe('Rødt og blått felt')
      expect(r.credit).toBe('Foto: Kari Nordmann')
      const bytes = await renditionBytes(r)
      await expectClean(bytes, 3)
    }
    // Upright: the red half (left before turning) is now on top.
    const pressBytes = await renditionBytes(press!)
    const top = await sharp(pressBytes)
      .extract({ left: 200, top: 50, width: 1, height: 1 })
      .raw()
      .toBuffer()
    expect(top[0]).toBeGreaterThan(200)
    expect(top[2]).toBeLessThan(60)
    // The file Payload serves is the cleaned one too.
    const served = await api.rest<string>('GET', `/media/file/${doc.filename}`, comms)
    expect(served.status).toBe(200)
  })

  it('should convert a CMYK JPEG and a 16-bit PNG to 8-bit sRGB', async () => {
    for (const fixture of [await cmykJpeg(), await png16Bit()]) {
      const res = await upload(fixture)
      expect(res.status).toBe(201)
      expectAllPresets(res.body.doc, 'jpeg')
      for (const r of res.body.doc.renditions) await expectClean(await renditionBytes(r), 3)
    }
  })

  it('should keep transparency in WebP, AVIF and a PNG fallback', async () => {
    const res = await upload(await pngWithAlpha())
    expect(res.status).toBe(201)
    expectAllPresets(res.body.doc, 'png')
    for (const r of res.body.doc.renditions) {
      const bytes = await renditionBytes(r)
      await expectClean(bytes, 4)
      const [, , , alpha] = await sharp(bytes)
        .extract({ left: 5, top: 5, width: 1, height: 1 })
        .raw()
        .toBuffer()
      expect(alpha).toBeGreaterThan(80)
      expect(alpha).toBeLessThan(125)
    }
  })

  it('should make stills of an animated GIF from its first frame', async () => {
    const res = await upload(await animatedGif())
    expect(res.status).toBe(201)
    const thumb = res.body.doc.renditions.find((r) => r.preset === 'thumb' && r.format === 'webp')
    const bytes = await renditionBytes(thumb!)
    const meta = await sharp(bytes).metadata()
    expect(meta.pages ?? 1).toBe(1)
    const [red, , blue] = await sharp(bytes)
      .extract({ left: 200, top: 100, width: 1, height: 1 })
      .raw()
      .toBuffer()
    expect(red).toBeGreaterThan(200)
    expect(blue).toBeLessThan(60)
  })

  it('should serve renditions with a year-long immutable cache under content-hashed names', async () => {
    const res = await upload(await png16Bit())
    const r = res.body.doc.renditions.find((x) => x.preset === 'social' && x.format === 'avif')!
    expect(r.url).toMatch(/\/api\/media\/renditions\/[0-9a-f-]{36}\/social\.[0-9a-f]{16}\.avif$/)
    const response = await rawResponse(hub.payload, new URL(r.url).pathname, comms)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/avif')
    expect(response.headers.get('cache-control')).toContain('max-age=31536000, immutable')
  })
})

describe('hostile and broken files', () => {
  const cases: [string, () => Fixture | Promise<Fixture>, RegExp][] = [
    ['a text file named .jpg', textNamedJpg, /ikke et bilde/],
    ['a PNG header claiming 2.5 gigapixels', pixelBombPng, /50000 × 50000 piksler/],
    ['an SVG with a script', svgWithScript, /SVG tas bare imot som profilelement/],
  ]
  for (const [what, make, reason] of cases) {
    it(`should refuse ${what} with a 400 naming the reason and leave nothing behind`, async () => {
      const mediaDir = path.join(hub.dataDir, 'media')
      const filesBefore = await filesUnder(mediaDir)
      const countBefore = (await hub.payload.count({ collection: 'media' })).totalDocs
      const res = await upload(await make())
      expect(res.status).toBe(400)
      const field = res.body.errors?.[0]?.data?.errors?.[0]
      expect(field?.path).toBe('file')
      expect(field?.message).toMatch(reason)
      expect(await filesUnder(mediaDir)).toEqual(filesBefore)
      expect((await hub.payload.count({ collection: 'media' })).totalDocs).toBe(countBefore)
    })
  }
})
