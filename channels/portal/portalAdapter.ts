import type { ChannelAdapter } from '../contract'
import { webhookAdapter, type WebhookAdapterOptions } from '../website'
import { renderPortalMessage } from './renderPortalItem'
import type { PortalMessage } from './types'

export type PortalAdapterOptions = WebhookAdapterOptions

/**
 * The employee portal: a signed webhook (the website channel's Standard Webhooks machinery) to
 * each `portal` row of `channel-endpoints`, carrying the whole item (see `PortalItem`). Those
 * rows must take internal items, so their targets are staff-only. See README.md.
 */
export function portalAdapter(options: PortalAdapterOptions): ChannelAdapter<PortalMessage> {
  return webhookAdapter({ name: 'portal', render: renderPortalMessage }, options)
}
