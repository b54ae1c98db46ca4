import RSS from 'rss'

import type { PullEntry } from '../../../src/public/pullEntries'
import type { FeedEntry, FeedMeta } from '../types'

const NAMESPACES = {
  media: 'http://search.yahoo.com/mrss/',
}

/**
 * RSS 2.0 with the `rss` package: per item a GUID from the item's uid (isPermaLink="false", the
 * same across edits), RFC 822 pubDate, content:encoded with the full text, the image as
 * enclosure and media:content (type, length, alt text, media:credit), dc:creator, categories and
 * dc:language; on the channel atom:link rel="self" and language nb.
 */
export function rssFeed(
  meta: FeedMeta,
  entries: readonly PullEntry<FeedEntry>[],
  lastModified: Date,
): string {
  const feed = new RSS({
    title: meta.title,
    description: meta.description,
    feed_url: meta.selfUrl,
    site_url: meta.siteUrl,
    language: 'nb',
    generator: 'Modum innholdshub',
    ttl: 5,
    pubDate: lastModified,
    custom_namespaces: NAMESPACES,
  })
  for (const { entry } of entries) {
    feed.item({
      title: entry.title,
      description: entry.summary || entry.title,
      url: entry.url,
      guid: `urn:uuid:${entry.uid}`,
      categories: entry.tags,
      author: entry.author,
      date: entry.publishedAt,
      ...(entry.image
        ? {
            enclosure: {
              url: entry.image.url,
              size: entry.image.length,
              type: entry.image.type,
            },
          }
        : {}),
      custom_elements: [
        { 'content:encoded': { _cdata: entry.html } },
        { 'dc:language': entry.language },
        ...(entry.image ? [mediaContent(entry.image)] : []),
      ],
    })
  }
  // The package stamps lastBuildDate with the wall clock; the feed's bytes (and so its ETag)
  // must depend only on its entries, so it gets the time they last changed instead.
  return feed
    .xml()
    .replace(
      /<lastBuildDate>[^<]*<\/lastBuildDate>/,
      `<lastBuildDate>${lastModified.toUTCString()}</lastBuildDate>`,
    )
}

function mediaContent(image: NonNullable<FeedEntry['image']>): Record<string, unknown> {
  return {
    'media:content': [
      {
        _attr: {
          url: image.url,
          type: image.type,
          medium: 'image',
          ...(image.length > 0 ? { fileSize: image.length } : {}),
          width: image.width,
          height: image.height,
        },
      },
      { 'media:description': [{ _attr: { type: 'plain' } }, image.alt] },
      ...(image.credit ? [{ 'media:credit': image.credit }] : []),
    ],
  }
}
