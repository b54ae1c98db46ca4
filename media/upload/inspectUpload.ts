import sharp from 'sharp'

import { MAX_INPUT_PIXELS } from '../renditions/presets'
import { detectImageType, type ImageType } from './detectImageType'
import { uploadRefused } from './uploadRefused'

export type RasterType = Exclude<ImageType, 'svg'>

export type UploadInspection = {
  type: RasterType
  /** As displayed, after the EXIF orientation. */
  width: number
  height: number
  /** Frames in an animated GIF/WebP; renditions use the first. */
  pages: number
  hasAlpha: boolean
}

export type InspectOptions = {
  limitBytes: number
  /** Busboy stopped reading at the limit: the file is larger than `limitBytes`. */
  truncated?: boolean
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toLocaleString('nb-NO', { maximumFractionDigits: 1 })
}

/**
 * Checks an uploaded raster image before anything is written: size, type from the bytes, and
 * pixel count from the header (before any decoding, against decompression bombs). Throws a 400
 * naming the reason. SVG is refused here: only brand assets take SVG, after sanitising.
 */
export async function inspectUpload(
  data: Buffer,
  options: InspectOptions,
): Promise<UploadInspection> {
  if (data.length === 0) throw uploadRefused('Filen er tom.')
  if (options.truncated || data.length > options.limitBytes) {
    throw uploadRefused(
      `Filen er for stor. Grensen er ${megabytes(options.limitBytes)} MB (UPLOAD_LIMIT_MB).`,
    )
  }
  const type = detectImageType(data)
  if (type === 'svg') {
    throw uploadRefused('SVG tas bare imot som profilelement under Grafisk profil, ikke som bilde.')
  }
  if (type === null) {
    throw uploadRefused(
      'Filen er ikke et bilde: innholdet er verken JPEG, PNG, WebP, AVIF eller GIF (filnavnet avgjør ikke).',
    )
  }
  let meta: sharp.Metadata
  try {
    meta = await sharp(data, { limitInputPixels: false }).metadata()
  } catch {
    throw uploadRefused('Bildet kan ikke leses: filen er skadet eller ufullstendig.')
  }
  const width = meta.width ?? 0
  const height = meta.pageHeight ?? meta.height ?? 0
  if (width <= 0 || height <= 0) throw uploadRefused('Bildet kan ikke leses: det mangler mål.')
  if (width * height > MAX_INPUT_PIXELS) {
    throw uploadRefused(
      `Bildet er for stort: ${width} × ${height} piksler. Grensen er ${MAX_INPUT_PIXELS / 1_000_000} megapiksler.`,
    )
  }
  const turned = (meta.orientation ?? 1) >= 5
  return {
    type,
    width: turned ? height : width,
    height: turned ? width : height,
    pages: meta.pages ?? 1,
    hasAlpha: meta.hasAlpha === true,
  }
}
