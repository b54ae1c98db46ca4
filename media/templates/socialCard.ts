import sharp from 'sharp'

import type { BrandLook } from './brandLook'
import { coatOfArms } from './coatOfArms'
import { textBlock } from './textBlock'

export const SOCIAL_CARD = { width: 1200, height: 630 } as const

const MARGIN = 80
const ARMS_HEIGHT = 110
const ACCENT_HEIGHT = 18

/**
 * The card for an item without a photo (Facebook, link previews): the brand's primary colour,
 * an accent band, the coat of arms with the organisation's name, and the title in the brand
 * typeface, wrapped to at most three lines and shortened with an ellipsis.
 */
export async function socialCard(title: string, brand: BrandLook): Promise<Buffer> {
  const { width, height } = SOCIAL_CARD
  const arms = await coatOfArms(brand.coatOfArms, ARMS_HEIGHT)
  const armsWidth = arms ? ((await sharp(arms.input as Buffer).metadata()).width ?? 0) + 28 : 0
  const name = await textBlock({
    text: brand.organisationName,
    typeface: brand.typeface,
    size: 36,
    colour: brand.colours.background,
    width: width - 2 * MARGIN - armsWidth,
    maxLines: 1,
  })
  const heading = await textBlock({
    text: title,
    typeface: brand.typeface,
    bold: true,
    size: 68,
    colour: brand.colours.background,
    width: width - 2 * MARGIN,
    maxLines: 3,
  })
  const band = await sharp({
    create: { width, height: ACCENT_HEIGHT, channels: 3, background: brand.colours.accent },
  })
    .png()
    .toBuffer()
  const layers: sharp.OverlayOptions[] = [
    { input: band, left: 0, top: height - ACCENT_HEIGHT },
    {
      input: name.data,
      left: MARGIN + armsWidth,
      top: 60 + Math.round((ARMS_HEIGHT - name.height) / 2),
    },
    { input: heading.data, left: MARGIN, top: 230 },
  ]
  if (arms) layers.push({ ...arms, left: MARGIN, top: 60 })
  return sharp({ create: { width, height, channels: 3, background: brand.colours.primary } })
    .composite(layers)
    .png({ compressionLevel: 9 })
    .toBuffer()
}
