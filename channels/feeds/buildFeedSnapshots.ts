import type { PullEntry } from '../../src/public/pullEntries'
import type { BuildContext, SnapshotSpec } from '../../src/public/pullPublisher'
import { CONTENT_TYPES, type FeedDefinition } from './feedDefinitions'
import { icsCalendar } from './render/icsCalendar'
import { jsonFeed } from './render/jsonFeed'
import { rssFeed } from './render/rssFeed'
import type { FeedEntry, FeedMeta } from './types'

/** Every format of one feed, from its entries (newest first). Pure. */
export function buildFeedSnapshots(
  feed: FeedDefinition,
  entries: readonly PullEntry<FeedEntry>[],
  ctx: BuildContext & { publicUrl: string },
): SnapshotSpec[] {
  const meta = (format: string): FeedMeta => ({
    title: feed.title,
    description: feed.description,
    selfUrl: `${ctx.publicUrl}${feed.basePath}.${format}`,
    siteUrl: ctx.publicUrl,
  })
  // A cancelled entry belongs only in a calendar (STATUS:CANCELLED); a list feed just drops it.
  const listed = entries.filter((e) => !e.cancelled)
  return feed.formats.map((format) => {
    const path = `${feed.basePath}.${format}`
    const body =
      format === 'rss'
        ? rssFeed(meta('rss'), listed, ctx.lastModified)
        : format === 'json'
          ? jsonFeed(meta('json'), listed)
          : icsCalendar(meta('ics'), entries, new URL(ctx.publicUrl).hostname)
    return { path, body, contentType: CONTENT_TYPES[format] }
  })
}
