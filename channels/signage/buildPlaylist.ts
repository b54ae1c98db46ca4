import { TZDate } from '@date-fns/tz'

import type { PullEntry } from '../../src/public/pullEntries'
import type { Playlist, PlaylistSlide, ScreenDefinition, SignageEntry } from './types'

const DAY_MS = 24 * 60 * 60 * 1000
const SEVERITY_RANK = { critical: 0, warning: 1, info: 2 } as const

/**
 * Until when the slide may be shown on this screen: a service message until it ends, an event
 * until it ends (without an end: until midnight, Oslo time, of the day it starts), news for the
 * screen's `maxAgeDays` after publication; never past the item's own expiry. Pure.
 */
export function slideValidUntil(entry: SignageEntry, screen: ScreenDefinition): Date {
  const ends: number[] = []
  if (entry.expiresAt) ends.push(Date.parse(entry.expiresAt))
  if (entry.event) {
    ends.push(
      entry.event.endsAt ? Date.parse(entry.event.endsAt) : midnightAfter(entry.event.startsAt),
    )
  } else if (entry.kind !== 'service-message' || !entry.expiresAt) {
    ends.push(Date.parse(entry.publishedAt) + screen.maxAgeDays * DAY_MS)
  }
  return new Date(Math.min(...ends.filter(Number.isFinite)))
}

function midnightAfter(iso: string): number {
  const day = new TZDate(Date.parse(iso), 'Europe/Oslo')
  day.setHours(24, 0, 0, 0)
  return day.getTime()
}

/**
 * The screen's playlist: service messages first (most serious, then newest), then events
 * (soonest first), then news (newest first); every slide with its `validUntil`, and the
 * playlist's `expiresAt` (the first of them). Pure: the same entries and screen give the same
 * bytes, so the ETag changes only when the content does.
 */
export function buildPlaylist(
  screen: ScreenDefinition,
  entries: readonly PullEntry<SignageEntry>[],
  generatedAt: Date,
): Playlist {
  const slides = entries
    .map((e) => e.entry)
    .sort(slideOrder)
    .map((entry) => toSlide(entry, screen))
  const ends = slides.map((s) => Date.parse(s.validUntil))
  return {
    version: 1,
    screen: {
      slug: screen.slug,
      name: screen.name,
      location: screen.location,
      orientation: screen.orientation,
    },
    timeZone: 'Europe/Oslo',
    generatedAt: generatedAt.toISOString(),
    expiresAt: ends.length > 0 ? new Date(Math.min(...ends)).toISOString() : null,
    dayparts: screen.dayparts,
    slides,
  }
}

const RENDITION_PATH = /^\/api\/media\/renditions\/([^/]+)\/([^/]+)$/

/**
 * A photo as a staff-room screen's player loads it: the rendition routes follow the image's own
 * read rule, which an internal item's photo does not pass without a login, so such a screen
 * gets its pictures from `/signage/<slug>/media/…`, checked with the screen's key (see
 * src/public/signage/signageRoutes.ts). Other addresses stay as they are.
 */
export function screenMediaUrl(url: string, slug: string): string {
  const parsed = URL.canParse(url) ? new URL(url) : null
  const match = parsed ? RENDITION_PATH.exec(parsed.pathname) : null
  if (!parsed || !match) return url
  return `${parsed.origin}/signage/${slug}/media/${match[1]}/${match[2]}`
}

function group(entry: SignageEntry): number {
  if (entry.kind === 'service-message') return 0
  return entry.event ? 1 : 2
}

function slideOrder(a: SignageEntry, b: SignageEntry): number {
  const byGroup = group(a) - group(b)
  if (byGroup !== 0) return byGroup
  if (a.notice && b.notice) {
    const bySeverity = SEVERITY_RANK[a.notice.severity] - SEVERITY_RANK[b.notice.severity]
    if (bySeverity !== 0) return bySeverity
  }
  if (a.event && b.event) {
    const byStart = Date.parse(a.event.startsAt) - Date.parse(b.event.startsAt)
    if (byStart !== 0) return byStart
  } else {
    const byPublished = Date.parse(b.publishedAt) - Date.parse(a.publishedAt)
    if (byPublished !== 0) return byPublished
  }
  return a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0
}

function toSlide(entry: SignageEntry, screen: ScreenDefinition): PlaylistSlide {
  const picture =
    screen.orientation === 'portrait'
      ? (entry.image?.portrait ?? entry.image?.landscape)
      : (entry.image?.landscape ?? entry.image?.portrait)
  return {
    id: entry.uid,
    kind: entry.kind,
    title: entry.title,
    headline: entry.headline,
    text: entry.text,
    url: entry.url,
    ...(entry.event
      ? { when: entry.event.when, place: entry.event.place, startsAt: entry.event.startsAt }
      : {}),
    ...(entry.notice ? { area: entry.notice.area, severity: entry.notice.severity } : {}),
    ...(picture && entry.image?.generated
      ? {
          generatedSlide: {
            url: picture.url,
            width: picture.width,
            height: picture.height,
            alt: entry.image.alt,
          },
        }
      : {}),
    ...(picture && entry.image && !entry.image.generated
      ? {
          image: {
            url: screen.public ? picture.url : screenMediaUrl(picture.url, screen.slug),
            width: picture.width,
            height: picture.height,
            alt: entry.image.alt,
            ...(entry.image.credit ? { credit: entry.image.credit } : {}),
          },
        }
      : {}),
    duration: screen.slideSeconds,
    validUntil: slideValidUntil(entry, screen).toISOString(),
    interrupt: entry.kind === 'service-message',
  }
}
