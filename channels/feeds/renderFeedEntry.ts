import { type ChannelItem, pickRendition } from '../contract'
import { PermanentDeliveryError } from '../errors'
import { escapeHtml } from './html'
import type { FeedEntry, FeedEvent, FeedImage, PressContact } from './types'

/** Who a feed item is from when it names no department. */
export const PUBLISHER = 'Modum kommune'

/**
 * The feeds' message for one item: everything any feed format needs, taken from the delivery
 * snapshot (never the store), so a retry renders the same entry. Pure.
 */
export function renderFeedEntry(item: ChannelItem): FeedEntry {
  const data = item.data
  const uid = text(data.uid) || `${item.collection}-${item.id}`
  if (!item.title.trim()) {
    throw new PermanentDeliveryError('Saken har ingen tittel', { code: 'feed-no-title' })
  }
  const kind = kindOf(item)
  const contact = kind === 'press-release' ? pressContact(data.contact) : undefined
  const event = item.collection === 'events' ? feedEvent(data) : undefined
  const notice =
    item.collection === 'service-messages'
      ? { area: text(data.area), severity: text(data.severity) || 'info' }
      : undefined
  const image = feedImage(item)
  const expiresAt = isoOrUndefined(data.expiresAt)
  return {
    uid,
    kind,
    title: item.title.trim(),
    summary: item.lead.trim(),
    url: item.url,
    html: fullText(item, { contact, event, notice }),
    language: item.language,
    publishedAt: publicationTime(item),
    updatedAt: item.updatedAt,
    revision: item.revision,
    author: item.department?.name ?? PUBLISHER,
    tags: [item.department?.name, item.category?.name].filter((t): t is string => Boolean(t)),
    ...(image ? { image } : {}),
    ...(contact ? { contact } : {}),
    ...(event ? { event } : {}),
    ...(notice ? { notice } : {}),
    ...(expiresAt ? { expiresAt } : {}),
  }
}

function kindOf(item: ChannelItem): FeedEntry['kind'] {
  if (item.collection === 'events') return 'event'
  if (item.collection === 'service-messages') return 'service-message'
  return item.data.type === 'press-release' ? 'press-release' : 'news'
}

/** An embargoed release became public when its embargo lifted, not when it was scheduled. */
function publicationTime(item: ChannelItem): string {
  const times = [item.publishedAt, item.data.embargoUntil]
    .map((t) => (typeof t === 'string' ? Date.parse(t) : NaN))
    .filter(Number.isFinite)
  const latest = times.length > 0 ? Math.max(...times) : Date.parse(item.updatedAt)
  return new Date(Number.isFinite(latest) ? latest : 0).toISOString()
}

function feedImage(item: ChannelItem): FeedImage | undefined {
  const r = pickRendition(item.image, 'social') ?? pickRendition(item.image, 'portal')
  if (!r || !item.image) return undefined
  return {
    url: r.url,
    type: r.format === 'png' ? 'image/png' : 'image/jpeg',
    length: r.bytes ?? 0,
    width: r.width,
    height: r.height,
    alt: item.image.alt,
    ...(item.image.credit ? { credit: item.image.credit } : {}),
  }
}

function pressContact(value: unknown): PressContact | undefined {
  const c = (value ?? {}) as Record<string, unknown>
  const name = text(c.name)
  if (!name) return undefined
  const contact: PressContact = { name }
  if (text(c.title)) contact.title = text(c.title)
  if (text(c.phone)) contact.phone = text(c.phone)
  if (text(c.email)) contact.email = text(c.email)
  return contact
}

function feedEvent(data: Record<string, unknown>): FeedEvent | undefined {
  const startsAt = isoOrUndefined(data.startsAt)
  if (!startsAt) return undefined
  const endsAt = isoOrUndefined(data.endsAt)
  return {
    startsAt,
    ...(endsAt ? { endsAt } : {}),
    place: text(data.place),
    ...(text(data.address) ? { address: text(data.address) } : {}),
    ...(text(data.organiser) ? { organiser: text(data.organiser) } : {}),
  }
}

const OSLO_TIME = new Intl.DateTimeFormat('nb-NO', {
  timeZone: 'Europe/Oslo',
  dateStyle: 'full',
  timeStyle: 'short',
})

/** Lead, body and the facts a reader needs, as one piece of allow-listed HTML. */
function fullText(
  item: ChannelItem,
  extra: { contact?: PressContact; event?: FeedEvent; notice?: FeedEntry['notice'] },
): string {
  const parts: string[] = []
  if (item.lead.trim()) parts.push(`<p><strong>${escapeHtml(item.lead.trim())}</strong></p>`)
  if (extra.event) {
    const when = OSLO_TIME.format(new Date(extra.event.startsAt))
    const where = [extra.event.place, extra.event.address].filter(Boolean).join(', ')
    parts.push(`<p>Tid: ${escapeHtml(when)}<br>Sted: ${escapeHtml(where)}</p>`)
  }
  if (extra.notice?.area) parts.push(`<p>Område: ${escapeHtml(extra.notice.area)}</p>`)
  if (item.bodyHtml) parts.push(item.bodyHtml)
  if (extra.contact) parts.push(contactHtml(extra.contact))
  return parts.join('\n')
}

function contactHtml(c: PressContact): string {
  const bits = [escapeHtml(c.name) + (c.title ? `, ${escapeHtml(c.title)}` : '')]
  if (c.phone) {
    const tel = c.phone.replace(/[^\d+]/g, '')
    bits.push(`telefon <a href="tel:${escapeHtml(tel)}">${escapeHtml(c.phone)}</a>`)
  }
  if (c.email) {
    bits.push(`e-post <a href="mailto:${escapeHtml(c.email)}">${escapeHtml(c.email)}</a>`)
  }
  return `<p>Kontaktperson for pressen: ${bits.join(', ')}</p>`
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : ''
}

function isoOrUndefined(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value) return undefined
  const t = Date.parse(value)
  return Number.isFinite(t) ? new Date(t).toISOString() : undefined
}
