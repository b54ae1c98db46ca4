import type { Payload } from 'payload'

import { publicUrl as hubPublicUrl } from '../../src/config/env'
import { loadPageBrand } from '../../src/public/html'
import { createPullPublisher, type PullPublisher } from '../../src/public/pullPublisher'
import { etagOf, type SnapshotRoutes } from '../../src/public/snapshotRoutes'
import { storeSnapshots } from '../../src/public/snapshotStore'
import type { ChannelAdapter, Receipt, Target } from '../contract'
import { PermanentDeliveryError } from '../errors'
import { buildFeedSnapshots } from './buildFeedSnapshots'
import { type FeedDefinition, FIXED_FEEDS } from './feedDefinitions'
import { loadFeedDefinitions } from './loadFeedDefinitions'
import { renderFeedEntry } from './renderFeedEntry'
import { renderFeedsPage } from './renderFeedsPage'
import type { FeedEntry } from './types'

export type FeedsAdapterOptions = {
  payload: Payload
  /** This process's served routes (role `all`/`web`): rebuilt feeds are put there at once. */
  routes?: SnapshotRoutes
  /** The hub's public origin, for self links. Default PUBLIC_URL. */
  publicUrl?: () => string
  now?: () => Date
  /** How long the list of feeds (departments, categories) is reused. Default 2 s. */
  targetsTtlMs?: number
  /**
   * Load the feeds, build the empty ones and the /feeds page at once rather than on the first
   * delivery (the hub's registry; tests leave it off).
   */
  warm?: boolean
}

export type FeedsAdapter = ChannelAdapter<FeedEntry> & {
  readonly publisher: PullPublisher<FeedEntry>
  /** The feeds as of the last `targets()` (at least the fixed ones). */
  feeds(): readonly FeedDefinition[]
  /** Resolves when the /feeds page and the empty feeds started so far are built (tests). */
  settled(): Promise<void>
}

/**
 * RSS, JSON Feed and iCalendar feeds, as a pull channel: one target per feed (news, press,
 * service messages, events, each department, each category). `deliver` puts the item's entry on
 * the feed and rebuilds its snapshots; `retract` takes it off (an event not yet over stays, as
 * cancelled) and rebuilds. The public routes only serve the bytes. See README.md.
 */
export function feedsAdapter(options: FeedsAdapterOptions): FeedsAdapter {
  const publicUrl = options.publicUrl ?? hubPublicUrl
  let definitions = new Map<string, FeedDefinition>(FIXED_FEEDS.map((f) => [f.id, f]))
  let loadedAt = -Infinity
  const ttl = options.targetsTtlMs ?? 2000

  const definitionOf = (id: string): FeedDefinition | undefined => definitions.get(id)
  const publisher = createPullPublisher<FeedEntry>({
    payload: options.payload,
    channel: 'feeds',
    routes: options.routes,
    now: options.now,
    limit: (target) => definitionOf(target)?.limit ?? 50,
    build: (target, entries, ctx) => {
      const feed = definitionOf(target)
      return feed ? buildFeedSnapshots(feed, entries, { ...ctx, publicUrl: publicUrl() }) : []
    },
  })

  const background = new Set<Promise<void>>()
  const track = (work: Promise<void>): void => {
    background.add(work)
    void work.finally(() => background.delete(work))
  }

  let pageKey = ''
  const buildPage = async (feeds: readonly FeedDefinition[]): Promise<void> => {
    const key = JSON.stringify(feeds.map((f) => [f.id, f.name]))
    if (key === pageKey) return
    pageKey = key
    const page = renderFeedsPage(feeds, await loadPageBrand(options.payload), publicUrl())
    const body = Buffer.from(page.html)
    const snapshot = {
      owner: 'feeds:page',
      body: page.html,
      contentType: 'text/html; charset=utf-8',
      etag: etagOf(body),
      lastModified: new Date(),
      cacheControl: 'public, max-age=300',
      access: 'public',
      generation: Date.now(),
    }
    await storeSnapshots(
      options.payload,
      FEEDS_PAGE_PATHS.map((path) => ({ ...snapshot, path })),
    )
    for (const path of FEEDS_PAGE_PATHS) options.routes?.put(path, { ...snapshot, body })
  }

  const refresh = async (): Promise<void> => {
    if (performance.now() - loadedAt < ttl) return
    const loaded = await loadFeedDefinitions(options.payload)
    definitions = new Map(loaded.map((f) => [f.id, f]))
    loadedAt = performance.now()
    // Detached: targets() may run inside an item hook's transaction, and on SQLite a second
    // transaction awaited there would wait for that one to end, which waits for us.
    track(
      buildPage(loaded).catch((err: unknown) => {
        pageKey = ''
        logError(err, 'Building the /feeds page failed')
      }),
    )
    // A feed nobody has delivered to yet still answers (empty) rather than 404.
    for (const feed of loaded) {
      track(
        publisher.ensure(feed.id).catch((err: unknown) => {
          logError(err, `Building the empty feed ${feed.id} failed`)
        }),
      )
    }
  }

  const receiptOf = (target: string, uid: string, generation: number): Receipt => ({
    externalId: `${target}:${uid}`,
    externalUrl: `${publicUrl()}${definitionOf(target)?.basePath ?? '/feeds'}.${definitionOf(target)?.formats[0] ?? 'rss'}`,
    acknowledgedAt: new Date(generation || Date.now()).toISOString(),
    detail: { itemUid: uid },
  })

  const feedFor = async (target: Target): Promise<FeedDefinition> => {
    if (!definitionOf(target.id)) {
      loadedAt = -Infinity
      await refresh()
    }
    const feed = definitionOf(target.id)
    if (!feed) {
      throw new PermanentDeliveryError(`Feeden «${target.id}» finnes ikke lenger`, {
        code: 'feed-unknown',
      })
    }
    return feed
  }

  // Never throws: this runs detached, also while the process is still starting.
  const logError = (err: unknown, msg: string): void => {
    ;(options.payload.logger as Payload['logger'] | undefined)?.error({ err, msg })
  }
  if (options.warm) {
    // After the boot step that built the registry (migrations, the demo seed) has gone on.
    setTimeout(() => {
      refresh().catch((err: unknown) => logError(err, 'Loading the feeds failed'))
    }, 0).unref()
  }

  return {
    name: 'feeds',
    publisher,
    feeds: () => [...definitions.values()],
    settled: async () => {
      while (background.size > 0) await Promise.all(background)
    },

    async targets() {
      await refresh()
      return [...definitions.values()].map((f) => ({ id: f.id, name: f.name, public: true }))
    },

    accepts(item, target) {
      const feed = definitionOf(target.id)
      return feed ? feed.accepts(item) : 'Ukjent feed'
    },

    render: (item) => renderFeedEntry(item),

    async deliver(entry, ctx) {
      const feed = await feedFor(ctx.target)
      const sortAt = new Date(
        feed.formats.includes('ics') && entry.event ? entry.event.startsAt : entry.publishedAt,
      )
      const end = entry.event ? (entry.event.endsAt ?? entry.event.startsAt) : undefined
      const result = await publisher.upsert(feed.id, {
        itemUid: entry.uid,
        sortAt,
        revision: entry.revision,
        entry,
        endsAt: end ? new Date(end) : null,
        expiresAt: entry.expiresAt ? new Date(entry.expiresAt) : null,
      })
      return receiptOf(feed.id, entry.uid, result.generation)
    },

    async retract(receipt, ctx) {
      const uid = itemUidOf(receipt, ctx.target.id)
      if (!uid) {
        throw new PermanentDeliveryError(
          'Kvitteringen sier ikke hvilken sak som skal ut av feeden',
          {
            code: 'receipt-incomplete',
          },
        )
      }
      // A calendar keeps a retracted event that has not ended, as STATUS:CANCELLED.
      const keepCancelled = definitionOf(ctx.target.id)?.formats.includes('ics') ?? false
      const result = await publisher.remove(ctx.target.id, uid, { keepCancelled })
      return {
        ...receipt,
        detail: { ...receipt.detail, itemUid: uid, retractedGeneration: result.generation },
      }
    },

    async find(entry, ctx) {
      // The entry store is the feed's memory: a deliver that upserted but never reported back.
      if (!(await publisher.has(ctx.target.id, entry.uid))) return null
      return receiptOf(ctx.target.id, entry.uid, 0)
    },
  }
}

/** The journalists' overview of every feed. */
const FEEDS_PAGE_PATHS = ['/feeds', '/feeds/']

function itemUidOf(receipt: Receipt, target: string): string | undefined {
  const fromDetail = receipt.detail?.itemUid
  if (typeof fromDetail === 'string' && fromDetail) return fromDetail
  const prefix = `${target}:`
  return receipt.externalId?.startsWith(prefix)
    ? receipt.externalId.slice(prefix.length)
    : undefined
}
