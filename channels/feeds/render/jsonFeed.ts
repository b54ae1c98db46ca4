import type { PullEntry } from '../../../src/public/pullEntries'
import type { FeedEntry, FeedMeta } from '../types'

/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1): the RSS feed's twin. Facts JSON Feed has no
 * field for travel in the `_modum` extension object (press contact, event, service notice).
 */
export function jsonFeed(
  meta: FeedMeta & { rssUrl?: string },
  entries: readonly PullEntry<FeedEntry>[],
): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: meta.title,
    home_page_url: meta.siteUrl,
    feed_url: meta.selfUrl,
    description: meta.description,
    language: 'nb',
    authors: [{ name: 'Modum kommune', url: meta.siteUrl }],
    items: entries.map(({ entry }) => ({
      id: `urn:uuid:${entry.uid}`,
      url: entry.url,
      title: entry.title,
      content_html: entry.html,
      ...(entry.summary ? { summary: entry.summary } : {}),
      ...(entry.image ? { image: entry.image.url } : {}),
      date_published: entry.publishedAt,
      date_modified: entry.updatedAt || entry.publishedAt,
      authors: [{ name: entry.author }],
      ...(entry.tags.length > 0 ? { tags: entry.tags } : {}),
      language: entry.language,
      ...(entry.image
        ? {
            attachments: [
              {
                url: entry.image.url,
                mime_type: entry.image.type,
                ...(entry.image.alt ? { title: entry.image.alt } : {}),
                ...(entry.image.length > 0 ? { size_in_bytes: entry.image.length } : {}),
              },
            ],
          }
        : {}),
      _modum: {
        kind: entry.kind,
        ...(entry.image
          ? {
              image: {
                alt: entry.image.alt,
                ...(entry.image.credit ? { credit: entry.image.credit } : {}),
              },
            }
          : {}),
        ...(entry.contact ? { press_contact: entry.contact } : {}),
        ...(entry.event ? { event: entry.event } : {}),
        ...(entry.notice ? { notice: entry.notice } : {}),
      },
    })),
  })
}
