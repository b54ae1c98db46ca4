import type { ChannelItem } from '../../../channels/contract'
import { renderFeedEntry } from '../../../channels/feeds'
import type { FeedEntry, FeedMeta } from '../../../channels/feeds'
import type { PullEntry } from '../../../src/public/pullEntries'

export const META: FeedMeta = {
  title: 'Modum kommune – nyheter',
  description: 'Nyheter fra Modum kommune.',
  selfUrl: 'https://hub.modum.test/feeds/news.rss',
  siteUrl: 'https://hub.modum.test',
}

/** A published news item as the outbox hands it to channels. */
export function channelItem(overrides: Partial<ChannelItem> = {}): ChannelItem {
  return {
    collection: 'news',
    id: '7',
    revision: Date.parse('2026-11-20T08:00:00.000Z'),
    slug: 'ny-barnehage',
    title: 'Ny barnehage på Vikersund',
    lead: 'Kommunestyret vedtok å bygge en barnehage med 120 plasser.',
    audience: 'public',
    url: 'https://hub.modum.test/news/ny-barnehage',
    language: 'nb',
    variants: {},
    publishedAt: '2026-11-20T07:30:00.000Z',
    updatedAt: '2026-11-20T08:00:00.000Z',
    bodyHtml: '<p>Byggingen starter <strong>i mars</strong>.</p>',
    data: { uid: '2f1c3a5e-8c1b-4d7e-9f00-1a2b3c4d5e6f', type: 'news' },
    department: { slug: 'oppvekst', name: 'Oppvekst' },
    category: { slug: 'skole-og-barnehage', name: 'Skole og barnehage' },
    image: {
      alt: 'Tegning av den nye barnehagen',
      credit: 'Arkitektkontoret',
      renditions: [
        {
          preset: 'social',
          format: 'webp',
          url: 'https://hub.modum.test/media/r/abc-social.webp',
          width: 1200,
          height: 630,
          bytes: 50_000,
        },
        {
          preset: 'social',
          format: 'jpeg',
          url: 'https://hub.modum.test/media/r/abc-social.jpg',
          width: 1200,
          height: 630,
          bytes: 81_234,
        },
      ],
    },
    ...overrides,
  }
}

export function entryOf(
  entry: FeedEntry,
  extra: Partial<Omit<PullEntry<FeedEntry>, 'entry'>> = {},
): PullEntry<FeedEntry> {
  return {
    itemUid: entry.uid,
    sortAt: new Date(entry.event?.startsAt ?? entry.publishedAt),
    revision: entry.revision,
    sequence: 0,
    cancelled: false,
    entry,
    ...extra,
  }
}

export function feedEntry(overrides: Partial<ChannelItem> = {}): FeedEntry {
  return renderFeedEntry(channelItem(overrides))
}

/** A published event, 10 December 2026 18:00–20:00 in Oslo (17:00–19:00 UTC). */
export function eventItem(overrides: Partial<ChannelItem> = {}): ChannelItem {
  return channelItem({
    collection: 'events',
    id: '9',
    slug: 'julekonsert',
    title: 'Julekonsert i Modum kirke',
    url: 'https://hub.modum.test/events/julekonsert',
    data: {
      uid: '9a8b7c6d-0000-4000-8000-000000000009',
      startsAt: '2026-12-10T17:00:00.000Z',
      endsAt: '2026-12-10T19:00:00.000Z',
      place: 'Modum kirke',
      address: 'Kirkeveien 1, Vikersund',
    },
    ...overrides,
  })
}
