import type { Language } from '../contract'

/** What a feed says about one item: the feeds adapter's rendered message, stored per target. */
export type FeedEntry = {
  /** The item's ledger uid: GUIDs and UIDs are made from it, so edits never change them. */
  uid: string
  kind: 'news' | 'press-release' | 'event' | 'service-message'
  title: string
  summary: string
  /** Absolute link to the item on the website. */
  url: string
  /** Full text as allow-listed HTML: the lead, the body, and the press contact or event facts. */
  html: string
  language: Language
  /** ISO 8601 UTC: when it became public (the later of publication and embargo). */
  publishedAt: string
  updatedAt: string
  revision: number
  /** Who it is from (dc:creator): the department, else the municipality. */
  author: string
  /** Department and category names (RSS categories, JSON Feed tags). */
  tags: string[]
  image?: FeedImage
  contact?: PressContact
  event?: FeedEvent
  notice?: { area: string; severity: string }
  /** ISO 8601 UTC; an entry is left out of every rebuild from then on. */
  expiresAt?: string
}

export type FeedImage = {
  url: string
  type: 'image/jpeg' | 'image/png'
  /** Bytes; 0 when the pipeline did not record it (generated images). */
  length: number
  width: number
  height: number
  alt: string
  credit?: string
}

export type PressContact = { name: string; title?: string; phone?: string; email?: string }

export type FeedEvent = {
  /** ISO 8601 UTC. */
  startsAt: string
  endsAt?: string
  place: string
  address?: string
  organiser?: string
}

/** What a feed is called and where it is, for its channel element and the /feeds page. */
export type FeedMeta = {
  title: string
  description: string
  /** Absolute URL of this format of the feed (atom:link rel="self", feed_url). */
  selfUrl: string
  /** The website the feed is about. */
  siteUrl: string
}
