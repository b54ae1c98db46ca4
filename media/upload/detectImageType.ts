export type ImageType = 'jpeg' | 'png' | 'gif' | 'webp' | 'avif' | 'svg'

export const MIME_TYPES: Record<ImageType, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
}

function startsWith(data: Uint8Array, bytes: readonly number[], offset = 0): boolean {
  return bytes.every((byte, i) => data[offset + i] === byte)
}

function ascii(data: Uint8Array, start: number, end: number): string {
  return Buffer.from(data.subarray(start, end)).toString('latin1')
}

/** An ISO-BMFF `ftyp` box whose major or compatible brands name AVIF. */
function isAvif(data: Uint8Array): boolean {
  if (ascii(data, 4, 8) !== 'ftyp') return false
  const boxSize = Buffer.from(data.subarray(0, 4)).readUInt32BE(0)
  const end = Math.min(boxSize, data.length, 64)
  for (let at = 8; at + 4 <= end; at += 4) {
    if (at === 12) continue // minor version, not a brand
    const brand = ascii(data, at, at + 4)
    if (brand === 'avif' || brand === 'avis') return true
  }
  return false
}

/** Text whose root element, after an XML declaration, comments and a doctype, is `<svg`. */
function isSvg(data: Uint8Array): boolean {
  const head = Buffer.from(data.subarray(0, 4096))
    .toString('utf8')
    .replace(/^\uFEFF/, '')
  const rest = head
    .replace(/<\?xml[\s\S]*?\?>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/i, '')
    .trimStart()
  return /^<svg[\s>]/i.test(rest)
}

/**
 * The image type read from the file's bytes, never from its name or the browser's claim.
 * Null when the bytes are no image type the hub accepts.
 */
export function detectImageType(data: Uint8Array): ImageType | null {
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (ascii(data, 0, 6) === 'GIF87a' || ascii(data, 0, 6) === 'GIF89a') return 'gif'
  if (ascii(data, 0, 4) === 'RIFF' && ascii(data, 8, 12) === 'WEBP') return 'webp'
  if (isAvif(data)) return 'avif'
  if (isSvg(data)) return 'svg'
  return null
}
