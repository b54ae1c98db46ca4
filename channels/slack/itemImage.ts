import { type ChannelItem, pickRendition } from '../contract'
import { LIMITS } from './blockText'
import type { SlackImage } from './types'

/**
 * What Slack's image block gets for an image editors marked decorative: Block Kit requires
 * `alt_text`, and this says honestly what the picture is for rather than inventing a description.
 */
export const DECORATIVE_ALT = 'Illustrasjonsbilde'

/**
 * The picture of the image block: the item's photo in the `portal` rendition (800×450, made for
 * staff-facing pages), else `social`, as JPEG or PNG, since the image block takes png, jpg and
 * gif but not AVIF or WebP. None for a brand-template card (`generated`: it only repeats the
 * title the header already shows), and none when the URL is not http(s) or longer than Block
 * Kit allows: the message then goes out without its picture rather than not at all.
 */
export function itemImage(item: Pick<ChannelItem, 'image'>): SlackImage | null {
  const image = item.image
  if (!image || image.generated) return null
  const rendition = pickRendition(image, 'portal') ?? pickRendition(image, 'social')
  if (!rendition) return null
  const { url } = rendition
  if (!/^https?:\/\//.test(url) || url.length > LIMITS.imageUrl) return null
  const found: SlackImage = { url, alt: image.alt.trim() || DECORATIVE_ALT }
  if (image.credit?.trim()) found.credit = image.credit.trim()
  return found
}
