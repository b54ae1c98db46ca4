import { type ChannelItem, type ChannelRendition, pickRendition } from '../contract'
import { renderFeedEntry } from '../feeds'
import type { SignageEntry, SlideImage } from './types'

/** The signage headline field's limit (SIGNAGE_HEADLINE_MAX): longer titles are shortened. */
const HEADLINE_MAX = 60
/** A screen is read in passing: the lead is cut to about two lines. */
const TEXT_MAX = 180

const WHEN = new Intl.DateTimeFormat('nb-NO', {
  timeZone: 'Europe/Oslo',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  hour: '2-digit',
  minute: '2-digit',
})

/**
 * The signage channel's message for one item: the slide's texts and pictures in both
 * orientations (each screen picks its own when the playlist is built), plus the item as the
 * feeds render it for the screen's RSS. Pure: from the delivery snapshot only.
 */
export function renderSignageEntry(item: ChannelItem): SignageEntry {
  const feed = renderFeedEntry(item)
  const data = item.data
  const headline = shorten(item.variants.signageHeadline?.trim() || item.title.trim(), HEADLINE_MAX)
  const event = feed.event
    ? {
        startsAt: feed.event.startsAt,
        ...(feed.event.endsAt ? { endsAt: feed.event.endsAt } : {}),
        place: feed.event.place,
        when: [WHEN.format(new Date(feed.event.startsAt)), feed.event.place]
          .filter(Boolean)
          .join(' · '),
      }
    : undefined
  const notice = feed.notice
    ? { area: feed.notice.area, severity: severityOf(data.severity) }
    : undefined
  const image = slideImage(item)
  return {
    uid: feed.uid,
    collection: item.collection,
    kind: feed.kind,
    title: feed.title,
    headline,
    text: shorten(feed.summary, TEXT_MAX),
    url: item.url,
    language: item.language,
    publishedAt: feed.publishedAt,
    revision: item.revision,
    ...(feed.expiresAt ? { expiresAt: feed.expiresAt } : {}),
    ...(event ? { event } : {}),
    ...(notice ? { notice } : {}),
    ...(image ? { image } : {}),
    // The RSS item carries the picture of the screen's orientation, set when the feed is built.
    feed: { ...feed, image: undefined },
  }
}

function slideImage(item: ChannelItem): SignageEntry['image'] {
  if (!item.image) return undefined
  // A generated slide exists in landscape only; a portrait screen shows it letterboxed.
  const landscape = pickRendition(item.image, 'signage')
  const portrait = pickRendition(item.image, 'signage-portrait')
  if (!landscape && !portrait) return undefined
  return {
    alt: item.image.alt,
    ...(item.image.credit ? { credit: item.image.credit } : {}),
    ...(item.image.generated ? { generated: true } : {}),
    ...(landscape ? { landscape: toSlideImage(landscape) } : {}),
    ...(portrait ? { portrait: toSlideImage(portrait) } : {}),
  }
}

function toSlideImage(r: ChannelRendition): SlideImage {
  return {
    url: r.url,
    type: r.format === 'png' ? 'image/png' : 'image/jpeg',
    width: r.width,
    height: r.height,
    ...(r.bytes ? { bytes: r.bytes } : {}),
  }
}

function severityOf(value: unknown): 'info' | 'warning' | 'critical' {
  return value === 'warning' || value === 'critical' ? value : 'info'
}

/** Cut at a word boundary with an ellipsis, so a screen never shows half a word. */
export function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (clean.length <= max) return clean
  const cut = clean.slice(0, max - 1)
  // A cut that ends a word keeps it; otherwise back to the last space (if not too far back).
  const space = clean[max - 1] === ' ' ? cut.length : cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`
}
