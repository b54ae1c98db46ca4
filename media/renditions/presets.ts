import { createHash } from 'node:crypto'

/** Output formats. Every sized preset gets AVIF and WebP plus a fallback every client reads. */
export type RenditionFormat = 'avif' | 'webp' | 'jpeg' | 'png'

export type PresetName =
  'social' | 'social-square' | 'signage' | 'signage-portrait' | 'portal' | 'thumb' | 'press'

/** A preset is named by purpose; `press` keeps the original size (cleaned), the rest are crops. */
export type Preset = { name: PresetName; width?: number; height?: number }

export const PRESETS: readonly Preset[] = [
  { name: 'social', width: 1200, height: 630 },
  { name: 'social-square', width: 1080, height: 1080 },
  { name: 'signage', width: 1920, height: 1080 },
  { name: 'signage-portrait', width: 1080, height: 1920 },
  { name: 'portal', width: 800, height: 450 },
  { name: 'thumb', width: 400, height: 225 },
  { name: 'press' },
]

/**
 * Encoder settings, shared by the pipeline and the benchmark's bare script. Low efforts: sharp's
 * defaults (AVIF 4, WebP 4) took 3–6 times as long here for files within a few per cent in size.
 */
export const ENCODERS = {
  avif: { quality: 55, effort: 0 },
  webp: { quality: 80, effort: 2 },
  jpeg: { quality: 82, progressive: true },
  png: { compressionLevel: 6 },
} as const

/** Largest decoded image accepted (width × height, per frame), against decompression bombs. */
export const MAX_INPUT_PIXELS = 100_000_000

/**
 * The formats a preset is written in. The fallback is JPEG, or PNG when the image has
 * transparency (JPEG has none). `press` is for downloads by journalists: the fallback only.
 */
export function presetFormats(preset: Preset, hasAlpha: boolean): RenditionFormat[] {
  const fallback: RenditionFormat = hasAlpha ? 'png' : 'jpeg'
  return preset.name === 'press' ? [fallback] : ['avif', 'webp', fallback]
}

/**
 * Changes whenever a preset or an encoder setting changes: a media document rendered with an
 * older version is re-rendered by `npm run media:rerender`.
 */
export const PRESETS_VERSION = createHash('sha256')
  .update(JSON.stringify({ PRESETS, ENCODERS, MAX_INPUT_PIXELS, pipeline: 1 }))
  .digest('hex')
  .slice(0, 12)
