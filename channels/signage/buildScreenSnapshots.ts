import type { PageBrand } from '../../src/public/html'
import type { PullEntry } from '../../src/public/pullEntries'
import type { BuildContext, SnapshotSpec } from '../../src/public/pullPublisher'
import { type FeedEntry, rssFeed } from '../feeds'
import { CONTENT_TYPES } from '../feeds/feedDefinitions'
import { buildPlaylist } from './buildPlaylist'
import { playerPage, screenBase } from './playerPage'
import type { ScreenDefinition, SignageEntry } from './types'

/** A staff-room screen's routes answer only with its key (see screenAuthorizer). */
export function screenAccess(screen: Pick<ScreenDefinition, 'id' | 'public'>): string {
  return screen.public ? 'public' : `screen:${screen.id}`
}

/**
 * Everything a screen serves, rebuilt together whenever its entries or settings change: the
 * playlist, the player page and the RSS feed. Players poll with If-None-Match, so the playlist
 * and page are revalidated on every request (`no-cache`) and cost a 304 while unchanged.
 */
export function buildScreenSnapshots(
  screen: ScreenDefinition,
  entries: readonly PullEntry<SignageEntry>[],
  ctx: BuildContext & { publicUrl: string; brand: PageBrand },
): SnapshotSpec[] {
  const base = screenBase(screen.slug)
  const access = screenAccess(screen)
  const playlist = buildPlaylist(screen, entries, ctx.lastModified)
  const order = new Map(playlist.slides.map((s, i) => [s.id, i]))
  const feedEntries = [...entries]
    .sort((a, b) => (order.get(a.entry.uid) ?? 0) - (order.get(b.entry.uid) ?? 0))
    .map((e) => ({ ...e, entry: feedEntryFor(e.entry, screen) }))
  return [
    {
      path: `${base}/playlist.json`,
      body: JSON.stringify(playlist),
      contentType: 'application/json; charset=utf-8',
      cacheControl: 'no-cache',
      access,
    },
    {
      path: base,
      body: playerPage(screen, ctx.brand).html,
      contentType: 'text/html; charset=utf-8',
      cacheControl: 'no-cache',
      access,
    },
    {
      path: `${base}/feed.rss`,
      body: rssFeed(
        {
          title: `${screen.name} – infoskjerm`,
          description: `Det infoskjermen ${screen.name} (${screen.location}) viser.`,
          selfUrl: `${ctx.publicUrl}${base}/feed.rss`,
          siteUrl: ctx.publicUrl,
        },
        feedEntries,
        ctx.lastModified,
      ),
      contentType: CONTENT_TYPES.rss,
      access,
    },
  ]
}

/** The RSS item with the slide picture of the screen's orientation as its enclosure. */
function feedEntryFor(entry: SignageEntry, screen: ScreenDefinition): FeedEntry {
  const picture =
    screen.orientation === 'portrait'
      ? (entry.image?.portrait ?? entry.image?.landscape)
      : (entry.image?.landscape ?? entry.image?.portrait)
  const { image: _none, ...rest } = entry.feed
  // Signage systems show the title on screen: the short signage headline fits there.
  const feed = { ...rest, title: entry.headline }
  if (!picture || !entry.image) return feed
  return {
    ...feed,
    image: {
      url: picture.url,
      type: picture.type,
      length: picture.bytes ?? 0,
      width: picture.width,
      height: picture.height,
      alt: entry.image.alt,
      ...(entry.image.credit ? { credit: entry.image.credit } : {}),
    },
  }
}
