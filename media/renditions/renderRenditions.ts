import sharp from 'sharp'

import { type FocalPoint, focalCrop, type Size } from './focalCrop'
import {
  ENCODERS,
  MAX_INPUT_PIXELS,
  type Preset,
  PRESETS,
  type PresetName,
  presetFormats,
  type RenditionFormat,
} from './presets'

export type RenderedFile = {
  preset: PresetName
  format: RenditionFormat
  width: number
  height: number
  data: Buffer
}

export type RenderSource = Size & { hasAlpha: boolean }

const INPUT = { limitInputPixels: MAX_INPUT_PIXELS, pages: 1, page: 0 } as const

/** EXIF orientation applied (then every tag dropped: sharp writes no metadata), sRGB, 8 bits. */
function normalised(input: Buffer, hasAlpha: boolean): sharp.Sharp {
  const image = sharp(input, INPUT).rotate().toColourspace('srgb')
  return hasAlpha ? image.ensureAlpha() : image.removeAlpha()
}

export function encode(image: sharp.Sharp, format: RenditionFormat): sharp.Sharp {
  switch (format) {
    case 'avif':
      return image.avif(ENCODERS.avif)
    case 'webp':
      return image.webp(ENCODERS.webp)
    case 'jpeg':
      return image.jpeg(ENCODERS.jpeg)
    case 'png':
      return image.png(ENCODERS.png)
  }
}

/**
 * One sized preset: decoded, oriented, cropped around the focal point and converted once to raw
 * pixels, then encoded in every format from those pixels in parallel.
 */
async function renderSized(
  input: Buffer,
  source: RenderSource,
  preset: Preset & Size,
  focal: FocalPoint,
): Promise<RenderedFile[]> {
  const crop = focalCrop(source, preset, focal)
  const { data, info } = await normalised(input, source.hasAlpha)
    .resize(crop.resizeWidth, crop.resizeHeight, { fit: 'fill' })
    .extract({ left: crop.left, top: crop.top, width: crop.width, height: crop.height })
    .raw()
    .toBuffer({ resolveWithObject: true })
  const raw = { raw: { width: info.width, height: info.height, channels: info.channels } }
  return Promise.all(
    presetFormats(preset, source.hasAlpha).map(async (format) => ({
      preset: preset.name,
      format,
      width: info.width,
      height: info.height,
      data: await encode(sharp(data, raw), format).toBuffer(),
    })),
  )
}

/** `press`: the whole picture at its own size, cleaned (oriented, sRGB, no metadata). */
async function renderPress(input: Buffer, source: RenderSource): Promise<RenderedFile[]> {
  const [format] = presetFormats({ name: 'press' }, source.hasAlpha)
  if (!format) return []
  const { data, info } = await encode(normalised(input, source.hasAlpha), format).toBuffer({
    resolveWithObject: true,
  })
  return [{ preset: 'press', format, width: info.width, height: info.height, data }]
}

/**
 * Every preset in every format, in memory: nothing is written here, so a failure leaves nothing
 * behind. Presets run one after another to keep peak memory to one decoded image at a time.
 */
export async function renderRenditions(
  input: Buffer,
  source: RenderSource,
  focal: FocalPoint = { x: 50, y: 50 },
): Promise<RenderedFile[]> {
  const files: RenderedFile[] = []
  for (const preset of PRESETS) {
    if (preset.width !== undefined && preset.height !== undefined) {
      const sized = { ...preset, width: preset.width, height: preset.height }
      files.push(...(await renderSized(input, source, sized, focal)))
    } else {
      files.push(...(await renderPress(input, source)))
    }
  }
  return files
}
