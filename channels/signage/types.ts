import type { ItemCollection, Language } from '../contract'
import type { FeedEntry } from '../feeds'

export type Orientation = 'landscape' | 'portrait'

/** A wall-clock window (Europe/Oslo) in which the screen shows items. */
export type Daypart = {
  /** ISO weekdays, Monday 1 … Sunday 7. */
  days: number[]
  /** `HH:MM`, inclusive. */
  from: string
  /** `HH:MM`, exclusive; `24:00` for the end of the day. */
  to: string
}

/** One screen as the signage channel works with it: a target and its rules. */
export type ScreenDefinition = {
  /** The screen's database id: its target id in the ledger, stable across renames. */
  id: string
  slug: string
  name: string
  location: string
  orientation: Orientation
  /** Anyone may see it (a lobby): public items only, and its routes are open. */
  public: boolean
  /** Empty: every item type. */
  itemTypes: ItemCollection[]
  /** Department slugs (an etat covers its units); empty: all. */
  departments: { slug: string; name: string }[]
  /** Category slugs; empty: all. */
  categories: { slug: string; name: string }[]
  slideSeconds: number
  maxAgeDays: number
  dayparts: Daypart[]
}

export type SlideImage = {
  url: string
  type: 'image/jpeg' | 'image/png'
  width: number
  height: number
  bytes?: number
}

/**
 * What the signage channel stores for one item on one screen (its rendered message): everything a
 * slide and the RSS item need, taken from the delivery snapshot only.
 */
export type SignageEntry = {
  uid: string
  collection: ItemCollection
  kind: 'news' | 'press-release' | 'event' | 'service-message'
  title: string
  /** The editor's signage headline, else the title, at most 60 characters. */
  headline: string
  /** The lead, shortened for a screen. */
  text: string
  url: string
  language: Language
  /** ISO 8601 UTC: when it became public. */
  publishedAt: string
  revision: number
  /** ISO 8601 UTC: the item's own end (`expiresAt`), if any. */
  expiresAt?: string
  event?: {
    startsAt: string
    endsAt?: string
    place: string
    /** Date, time and place as people in Oslo read them. */
    when: string
  }
  notice?: { area: string; severity: 'info' | 'warning' | 'critical' }
  image?: {
    alt: string
    credit?: string
    /** The brand-template slide (headline, date, QR code already drawn), not a photo. */
    generated?: boolean
    landscape?: SlideImage
    portrait?: SlideImage
  }
  /** The same item as the feeds render it (the RSS item of `/signage/<screen>/feed.rss`). */
  feed: FeedEntry
}

/** One slide of a playlist, as players read it. */
export type PlaylistSlide = {
  id: string
  kind: SignageEntry['kind']
  title: string
  headline: string
  text: string
  url: string
  /** Events: date, time and place in Oslo time. */
  when?: string
  place?: string
  startsAt?: string
  /** Service messages: where, and how serious. */
  area?: string
  severity?: 'info' | 'warning' | 'critical'
  /** The item's photo, in the screen's orientation where there is one. */
  image?: { url: string; width: number; height: number; alt: string; credit?: string }
  /**
   * For an item without a photo: the slide the hub drew from the brand templates (landscape,
   * with the headline, date and QR code on it), for players that show pictures only. The hub's
   * own player draws its text slide instead.
   */
  generatedSlide?: { url: string; width: number; height: number; alt: string }
  /** Seconds on screen. */
  duration: number
  /** ISO 8601 UTC: players drop the slide from then on, also while offline. */
  validUntil: string
  /** Service messages: shown at once, first, and kept on screen until they end. */
  interrupt: boolean
}

/** `/signage/<screen>/playlist.json`. */
export type Playlist = {
  version: 1
  screen: {
    slug: string
    name: string
    location: string
    orientation: Orientation
  }
  timeZone: 'Europe/Oslo'
  /** When the screen's entries last changed. */
  generatedAt: string
  /** The first `validUntil` among the slides: the playlist is out of date from then on. */
  expiresAt: string | null
  /** When the screen shows ordinary slides; empty: always. Service messages show regardless. */
  dayparts: Daypart[]
  slides: PlaylistSlide[]
}
