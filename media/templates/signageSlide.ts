import sharp from 'sharp'

import type { BrandLook } from './brandLook'
import { coatOfArms } from './coatOfArms'
import { qrCode } from './qrCode'
import { textBlock } from './textBlock'

export const SIGNAGE_SLIDE = { width: 1920, height: 1080 } as const

export type SlideContent = {
  headline: string
  /** Events: when and where, already written for people ("lørdag 6. juni kl. 12.00 · Vikersund"). */
  when?: string | null
  /** The item's public address, as a QR code. */
  url: string
  /** The item's photo at 1920 × 1080 (the `signage` rendition), or none: brand background. */
  photo?: Buffer | null
}

const MARGIN = 80
const PANEL_TOP = 600
const QR_SIZE = 300

/**
 * A 1920 × 1080 signage slide: the photo (or the brand colour) with a panel in the primary
 * colour holding the headline (two lines at most, then an ellipsis), the date and place for
 * events, the coat of arms top left and a QR code to the item's public page.
 */
export async function signageSlide(content: SlideContent, brand: BrandLook): Promise<Buffer> {
  const { width, height } = SIGNAGE_SLIDE
  const textWidth = width - 3 * MARGIN - QR_SIZE
  const headline = await textBlock({
    text: content.headline,
    typeface: brand.typeface,
    bold: true,
    size: 92,
    colour: brand.colours.background,
    width: textWidth,
    maxLines: 2,
  })
  const layers: sharp.OverlayOptions[] = []
  if (content.photo) {
    const panel = await sharp({
      create: { width, height: height - PANEL_TOP, channels: 3, background: brand.colours.primary },
    })
      .png()
      .toBuffer()
    layers.push({ input: panel, left: 0, top: PANEL_TOP })
  }
  layers.push({ input: headline.data, left: MARGIN, top: PANEL_TOP + 70 })
  if (content.when) {
    const when = await textBlock({
      text: content.when,
      typeface: brand.typeface,
      size: 48,
      colour: brand.colours.background,
      width: textWidth,
      maxLines: 1,
    })
    layers.push({ input: when.data, left: MARGIN, top: height - MARGIN - when.height })
  }
  const qr = await qrCode(content.url, QR_SIZE)
  layers.push({ input: qr, left: width - MARGIN - QR_SIZE, top: height - MARGIN - QR_SIZE })
  const arms = await coatOfArms(brand.coatOfArms, 150)
  if (arms) layers.push({ ...arms, left: MARGIN, top: 70 })
  const base = content.photo
    ? sharp(content.photo).resize(width, height, { fit: 'cover' })
    : sharp({ create: { width, height, channels: 3, background: brand.colours.primary } })
  return base.composite(layers).jpeg({ quality: 88 }).toBuffer()
}
