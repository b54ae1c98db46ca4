import type { Audience, ChannelImage, ChannelTaxon, ItemCollection, Language } from '../contract'
import type { FeedEntry } from '../feeds'
import type { WebsiteMessage } from '../website'

/**
 * The item as the employee portal gets it: everything a portal page shows, ready to show. The
 * body is allow-listed HTML, never the editor's JSON; the image comes in every rendition the
 * media pipeline made, with its alt text and credit.
 */
export type PortalItem = {
  title: string
  lead: string
  /** The editor's portal summary (_Sammendrag i ansattportalen_), else the lead. */
  summary: string
  /** Allow-listed HTML (see channels/bodyHtml.ts); empty when the item has no body. */
  bodyHtml: string
  audience: Audience
  language: Language
  department: (ChannelTaxon & { etat?: ChannelTaxon }) | null
  category: ChannelTaxon | null
  image: ChannelImage | null
  /** ISO 8601, UTC. */
  publishedAt: string
  /** ISO 8601, UTC. */
  updatedAt: string
  /** When the item leaves every channel (a service message's _Gyldig til_), ISO 8601, UTC. */
  expiresAt: string | null
  /** The fields of the item's type, by collection: see `PORTAL_DETAILS`. */
  details: Record<string, string>
}

/** Per item type, the fields `details` carries when they are set. */
export const PORTAL_DETAILS: Record<ItemCollection, readonly string[]> = {
  news: ['type'],
  events: ['startsAt', 'endsAt', 'place', 'address', 'organiser', 'price', 'registrationUrl'],
  'service-messages': ['area', 'severity'],
}

/** The webhook message: the website envelope, with the portal's own `data`. */
export type PortalWebhook = Omit<WebsiteMessage, 'data'> & { data: PortalItem }

/** What the portal adapter renders: a webhook for an endpoint, a feed entry for the feed. */
export type PortalMessage =
  { kind: 'webhook'; webhook: PortalWebhook } | { kind: 'feed'; entry: FeedEntry }
