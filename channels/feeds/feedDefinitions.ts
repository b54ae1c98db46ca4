import type { ChannelItem, ChannelTaxon } from '../contract'
import { PUBLISHER } from './renderFeedEntry'

export type FeedFormat = 'rss' | 'json' | 'ics'

/** One feed: one target in the ledger, served in one or more formats. */
export type FeedDefinition = {
  /** The ledger's target id, stable: `news`, `departments/<slug>` … */
  id: string
  /** What editors see in the ledger and journalists on /feeds. */
  name: string
  title: string
  description: string
  /** `/feeds/news` → `/feeds/news.rss`, `/feeds/news.json`. */
  basePath: string
  formats: readonly FeedFormat[]
  /** How many entries (newest first) the feed carries. */
  limit: number
  accepts: (item: ChannelItem) => true | string
}

const NEWEST = 50
/** A calendar carries what is coming, not only the newest fifty. */
const CALENDAR = 500

const onlyNews = (item: ChannelItem) => item.collection === 'news' || 'Bare nyheter'

/** The feeds every hub has, whatever its departments and categories. */
export const FIXED_FEEDS: readonly FeedDefinition[] = [
  {
    id: 'news',
    name: 'Nyheter',
    title: `${PUBLISHER} – nyheter`,
    description: `Nyheter og pressemeldinger fra ${PUBLISHER}.`,
    basePath: '/feeds/news',
    formats: ['rss', 'json'],
    limit: NEWEST,
    accepts: onlyNews,
  },
  {
    id: 'press',
    name: 'Pressemeldinger',
    title: `${PUBLISHER} – pressemeldinger`,
    description: `Pressemeldinger fra ${PUBLISHER}, med kontaktperson for pressen.`,
    basePath: '/feeds/press',
    formats: ['rss', 'json'],
    limit: NEWEST,
    accepts: (item) =>
      (item.collection === 'news' && item.data.type === 'press-release') || 'Bare pressemeldinger',
  },
  {
    id: 'service-messages',
    name: 'Driftsmeldinger',
    title: `${PUBLISHER} – driftsmeldinger`,
    description: `Driftsmeldinger fra ${PUBLISHER}: vann, veier, avvik og brudd.`,
    basePath: '/feeds/service-messages',
    formats: ['rss', 'json'],
    limit: NEWEST,
    accepts: (item) => item.collection === 'service-messages' || 'Bare driftsmeldinger',
  },
  {
    id: 'events',
    name: 'Arrangementer (kalender)',
    title: `${PUBLISHER} – arrangementer`,
    description: `Arrangementer i regi av ${PUBLISHER}.`,
    basePath: '/feeds/events',
    formats: ['ics'],
    limit: CALENDAR,
    accepts: (item) => item.collection === 'events' || 'Bare arrangementer',
  },
]

/** A department's feed: its items, and for an etat those of its virksomheter too. */
export function departmentFeed(department: ChannelTaxon): FeedDefinition {
  return {
    id: `departments/${department.slug}`,
    name: `Avdeling: ${department.name}`,
    title: `${PUBLISHER} – ${department.name}`,
    description: `Nyheter, arrangementer og driftsmeldinger fra ${department.name}.`,
    basePath: `/feeds/departments/${department.slug}`,
    formats: ['rss', 'json'],
    limit: NEWEST,
    accepts: (item) =>
      item.department?.slug === department.slug ||
      item.department?.etat?.slug === department.slug ||
      'Annen avdeling',
  }
}

export function categoryFeed(category: ChannelTaxon): FeedDefinition {
  return {
    id: `categories/${category.slug}`,
    name: `Kategori: ${category.name}`,
    title: `${PUBLISHER} – ${category.name}`,
    description: `Nyheter, arrangementer og driftsmeldinger om ${category.name.toLowerCase()}.`,
    basePath: `/feeds/categories/${category.slug}`,
    formats: ['rss', 'json'],
    limit: NEWEST,
    accepts: (item) => item.category?.slug === category.slug || 'Annen kategori',
  }
}

export const CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
  ics: 'text/calendar; charset=utf-8',
}
