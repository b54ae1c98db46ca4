import { LIMITS } from './blockText'
import type { SlackImage } from './types'

/**
 * The item's image under the interim contract (`item.data.image` = `{ url, alt, credit? }`, see
 * `SlackImage`), with a relative URL resolved against the hub's public URL. Null when there is
 * none, when the value has another shape (today's snapshots carry the media id there), when the
 * alt text is empty (the hub does not invent one) or when the URL is not http(s) or too long for
 * Block Kit: the message then goes out without its image rather than not at all.
 */
export function itemImage(data: Record<string, unknown>, publicUrl: string): SlackImage | null {
  const raw = data.image
  if (typeof raw !== 'object' || raw === null) return null
  const { url, alt, credit } = raw as Record<string, unknown>
  if (typeof url !== 'string' || typeof alt !== 'string' || alt.trim() === '') return null
  let absolute: URL
  try {
    absolute = new URL(url, `${publicUrl}/`)
  } catch {
    return null
  }
  if (absolute.protocol !== 'https:' && absolute.protocol !== 'http:') return null
  if (absolute.href.length > LIMITS.imageUrl) return null
  const image: SlackImage = { url: absolute.href, alt: alt.trim() }
  if (typeof credit === 'string' && credit.trim() !== '') image.credit = credit.trim()
  return image
}
