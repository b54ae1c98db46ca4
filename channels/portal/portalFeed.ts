import type { Payload } from 'payload'

import { publicUrl as hubPublicUrl } from '../../src/config/env'
import type { PullEntry } from '../../src/public/pullEntries'
import {
  type BuildContext,
  createPullPublisher,
  type PullPublisher,
  type SnapshotSpec,
} from '../../src/public/pullPublisher'
import type { SnapshotRoutes } from '../../src/public/snapshotRoutes'
import type { ChannelItem, Receipt, Target } from '../contract'
import { PermanentDeliveryError } from '../errors'
import { type FeedEntry, jsonFeed, renderFeedEntry, rssFeed } from '../feeds'
import { CONTENT_TYPES } from '../feeds/feedDefinitions'
import { PUBLISHER } from '../feeds/renderFeedEntry'

/** The portal feed's one target in the ledger. Not an endpoint id: those are numbers. */
export const PORTAL_FEED_TARGET: Target = {
  id: 'feed',
  name: 'Portalfeed (/feeds/portal)',
  public: false,
}

export const PORTAL_FEED_BASE = '/feeds/portal'

/** How many entries, newest first, the feed carries. */
const LIMIT = 50

export type PortalFeedOptions = {
  payload: Payload
  /** This process's served routes (role `all`/`web`): a rebuilt feed is put there at once. */
  routes?: SnapshotRoutes
  /** The hub's public origin, for the feed's self links. Default PUBLIC_URL. */
  publicUrl?: () => string
  now?: () => Date
}

export type PortalFeed = {
  readonly publisher: PullPublisher<FeedEntry>
  /** Builds the empty feed once if it was never built, so it answers 401/403/200, not 404. */
  ensure(): Promise<void>
  render(item: ChannelItem): FeedEntry
  deliver(entry: FeedEntry): Promise<Receipt>
  retract(receipt: Receipt): Promise<Receipt>
  find(entry: FeedEntry): Promise<Receipt | null>
}

/**
 * The employee portal as a pull channel: `/feeds/portal.json` (JSON Feed 1.1) and
 * `/feeds/portal.rss`, with the internal and public items that chose the portal. Built on the
 * feeds channel's machinery (entries per target, stored snapshots, the same renderers); the
 * snapshots are `internal`, so the server answers them only to an API key with the internal
 * scope (401 without a key, 403 with a public-only one).
 */
export function portalFeed(options: PortalFeedOptions): PortalFeed {
  const publicUrl = options.publicUrl ?? hubPublicUrl
  const publisher = createPullPublisher<FeedEntry>({
    payload: options.payload,
    channel: 'portal',
    routes: options.routes,
    now: options.now,
    limit: () => LIMIT,
    build: (_target, entries, ctx) => buildPortalFeed(entries, { ...ctx, publicUrl: publicUrl() }),
  })

  const receiptOf = (uid: string, generation: number): Receipt => ({
    externalId: `${PORTAL_FEED_TARGET.id}:${uid}`,
    externalUrl: `${publicUrl()}${PORTAL_FEED_BASE}.json`,
    acknowledgedAt: new Date(generation || Date.now()).toISOString(),
    detail: { itemUid: uid },
  })

  return {
    publisher,

    ensure: () => publisher.ensure(PORTAL_FEED_TARGET.id),

    render: renderPortalEntry,

    async deliver(entry) {
      const result = await publisher.upsert(PORTAL_FEED_TARGET.id, {
        itemUid: entry.uid,
        sortAt: new Date(entry.publishedAt),
        revision: entry.revision,
        entry,
        expiresAt: entry.expiresAt ? new Date(entry.expiresAt) : null,
      })
      return receiptOf(entry.uid, result.generation)
    },

    async retract(receipt) {
      const uid = itemUidOf(receipt)
      if (!uid) {
        throw new PermanentDeliveryError(
          'Kvitteringen sier ikke hvilken sak som skal ut av portalfeeden',
          { code: 'receipt-incomplete' },
        )
      }
      const result = await publisher.remove(PORTAL_FEED_TARGET.id, uid)
      return { ...receipt, detail: { itemUid: uid, retractedGeneration: result.generation } }
    },

    async find(entry) {
      // The entry store is the feed's memory: an upsert whose delivery never reported back.
      if (!(await publisher.has(PORTAL_FEED_TARGET.id, entry.uid))) return null
      return receiptOf(entry.uid, 0)
    },
  }
}

/** A feed entry, with the editor's portal summary where there is one. Pure. */
export function renderPortalEntry(item: ChannelItem): FeedEntry {
  const entry = renderFeedEntry(item)
  const summary = item.variants.portalSummary?.trim()
  return summary ? { ...entry, summary } : entry
}

/** Both formats of the portal feed, protected. Pure: the same entries give the same bytes. */
export function buildPortalFeed(
  entries: readonly PullEntry<FeedEntry>[],
  ctx: BuildContext & { publicUrl: string },
): SnapshotSpec[] {
  const meta = (format: 'rss' | 'json') => ({
    title: `${PUBLISHER} – ansattportalen`,
    description: `Interne og offentlige saker for ansatte i ${PUBLISHER}.`,
    selfUrl: `${ctx.publicUrl}${PORTAL_FEED_BASE}.${format}`,
    siteUrl: ctx.publicUrl,
  })
  return [
    {
      path: `${PORTAL_FEED_BASE}.json`,
      body: jsonFeed(meta('json'), entries),
      contentType: CONTENT_TYPES.json,
      access: 'internal',
    },
    {
      path: `${PORTAL_FEED_BASE}.rss`,
      body: rssFeed(meta('rss'), entries, ctx.lastModified),
      contentType: CONTENT_TYPES.rss,
      access: 'internal',
    },
  ]
}

function itemUidOf(receipt: Receipt): string | undefined {
  const fromDetail = receipt.detail?.itemUid
  if (typeof fromDetail === 'string' && fromDetail) return fromDetail
  const prefix = `${PORTAL_FEED_TARGET.id}:`
  return receipt.externalId?.startsWith(prefix)
    ? receipt.externalId.slice(prefix.length)
    : undefined
}
