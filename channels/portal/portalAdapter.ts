import type { ChannelAdapter, Receipt, Target } from '../contract'
import { webhookAdapter, type WebhookAdapterOptions } from '../website'
import { PORTAL_FEED_TARGET, portalFeed, type PortalFeedOptions } from './portalFeed'
import { renderPortalMessage } from './renderPortalItem'
import type { PortalMessage } from './types'

export type PortalAdapterOptions = WebhookAdapterOptions & {
  /** The pull feed (`/feeds/portal.json`, `.rss`) as one more target. Absent: webhooks only. */
  feed?: PortalFeedOptions
}

/**
 * The employee portal, push and pull. Push: a signed webhook (the website channel's Standard
 * Webhooks machinery) to each `portal` row of `channel-endpoints`, carrying the whole item (see
 * `PortalItem`); those rows must take internal items, so their targets are staff-only. Pull: one
 * more target, the portal feed, which portals that ingest feeds read with an internal-scope API
 * key. See README.md.
 */
export function portalAdapter(options: PortalAdapterOptions): ChannelAdapter<PortalMessage> {
  const webhooks = webhookAdapter({ name: 'portal', render: renderPortalMessage }, options)
  const feed = options.feed ? portalFeed(options.feed) : undefined
  const isFeed = (target: Target) => feed !== undefined && target.id === PORTAL_FEED_TARGET.id

  return {
    name: 'portal',

    validate: (config) => webhooks.validate?.(config) ?? [],

    async targets() {
      const endpoints = await webhooks.targets()
      if (!feed) return endpoints
      // Not awaited: targets() runs inside an item write's transaction, which building the
      // feed (its own transaction) would wait for on SQLite.
      feed.ensure().catch((err: unknown) => {
        options.feed?.payload.logger.error({ err, msg: 'Building the empty portal feed failed' })
      })
      return [...endpoints, PORTAL_FEED_TARGET]
    },

    // The feed takes every item that chose the portal, internal and public alike.
    accepts: (item, target) => (isFeed(target) ? true : webhooks.accepts(item, target)),

    render(item, ctx) {
      if (feed && isFeed(ctx.target)) return { kind: 'feed', entry: feed.render(item) }
      return { kind: 'webhook', webhook: webhooks.render(item, ctx) }
    },

    async deliver(message, ctx) {
      if (message.kind === 'feed') return requireFeed().deliver(message.entry)
      return webhooks.deliver(message.webhook, ctx)
    },

    async retract(receipt: Receipt, ctx) {
      if (isFeed(ctx.target)) return requireFeed().retract(receipt)
      return webhooks.retract?.(receipt, ctx)
    },

    // A portal webhook's retraction when its publish may have landed unseen; the feed's `find`
    // sees every entry, so it needs none.
    async retractUncertain(message, ctx) {
      if (message.kind === 'webhook') return webhooks.retractUncertain?.(message.webhook, ctx)
    },

    // Only the feed needs it: a webhook's retry carries the same webhook-id, and the portal
    // deduplicates on it.
    async find(message) {
      return message.kind === 'feed' ? requireFeed().find(message.entry) : null
    },

    async retire(target, reason) {
      if (!isFeed(target)) await webhooks.retire?.(target, reason)
    },
  }

  function requireFeed() {
    if (!feed) throw new Error('The portal feed is not configured in this process')
    return feed
  }
}
