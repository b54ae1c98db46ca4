import { type ChannelItem, pickRendition, type RenderContext } from '../contract'
import { PermanentDeliveryError } from '../errors'
import { characterCount, oneLine, plainText } from './plainText'
import type { FacebookImage, FacebookMessage } from './types'

/** The longest message (or photo caption) Facebook takes for a Page post. */
export const MAX_POST_CHARACTERS = 63_206

/**
 * `find` looks no further back than the item's publication less this: hub and Facebook clocks
 * may disagree a little, and an item's post is never older than the item.
 */
const CLOCK_SKEW_MS = 60 * 60 * 1000

/**
 * The item as one Page post. Pure: the same item renders the same post on every retry.
 *
 * Text: the editor's Facebook variant, else title and lead; either way plain text (markup
 * stripped, whitespace collapsed) followed by the item URL, and for a photo the credit as
 * "Foto: …". An item the limit cannot carry fails permanently: retrying would not shorten it.
 */
export function renderPost(
  item: ChannelItem,
  ctx: Pick<RenderContext, 'publicUrl'>,
): FacebookMessage {
  const image = imageOf(item, ctx.publicUrl)
  const body = item.variants.facebookText
    ? plainText(item.variants.facebookText)
    : [oneLine(item.title), oneLine(item.lead)].filter(Boolean).join('\n\n')
  const parts = [body]
  // The URL is what `find` recognises the post by, so it is there even when the editor's text
  // already names it somewhere in the middle.
  if (!body.endsWith(item.url)) parts.push(item.url)
  if (image?.credit) parts.push(`Foto: ${oneLine(image.credit)}`)
  const text = parts.filter(Boolean).join('\n\n')

  const length = characterCount(text)
  if (length > MAX_POST_CHARACTERS) {
    throw new PermanentDeliveryError(
      `The Facebook text is ${length} characters; a Page post takes at most ${MAX_POST_CHARACTERS}. Shorten the Facebook text.`,
      { code: 'facebook-too-long' },
    )
  }

  const message: FacebookMessage = {
    itemId: item.id,
    itemUrl: item.url,
    text,
    notBefore: notBefore(item),
  }
  if (image) message.photo = { url: image.url, alt: oneLine(image.alt) }
  return message
}

/**
 * The photo to post: the image's `social` rendition (1200 × 630, JPEG or PNG, which Facebook
 * fetches itself). Brand-generated cards are not photos: an item without one gets a link post,
 * whose preview comes from the website.
 */
export function imageOf(item: ChannelItem, publicUrl: string): FacebookImage | null {
  const image = item.image
  if (!image || image.generated) return null
  const rendition = pickRendition(image, 'social', ['jpeg', 'png'])
  if (!rendition) return null
  const absolute = absoluteUrl(rendition.url.trim(), publicUrl)
  if (!absolute) return null
  const result: FacebookImage = { url: absolute, alt: image.alt }
  if (image.credit?.trim()) result.credit = image.credit.trim()
  return result
}

/** Facebook fetches the photo itself, so it needs a public http(s) address. */
function absoluteUrl(url: string, publicUrl: string): string | null {
  try {
    const resolved = new URL(url, `${publicUrl}/`)
    return resolved.protocol === 'https:' || resolved.protocol === 'http:' ? resolved.href : null
  } catch {
    return null
  }
}

function notBefore(item: ChannelItem): string {
  const times = [Date.parse(item.publishedAt), Date.parse(item.updatedAt)].filter(Number.isFinite)
  const earliest = times.length > 0 ? Math.min(...times) : 0
  return new Date(Math.max(0, earliest - CLOCK_SKEW_MS)).toISOString()
}
