import type { ChannelAdapter } from '../contract'
import { renderWebhook } from './renderWebhook'
import type { WebsiteMessage } from './types'
import { webhookAdapter, type WebhookAdapterOptions } from './webhookAdapter'

export type WebsiteAdapterOptions = WebhookAdapterOptions

/**
 * Website and app webhooks: the `website` rows of `channel-endpoints`, each sent the item's
 * public representation (`data`) as a signed webhook. See README.md.
 */
export function websiteAdapter(options: WebsiteAdapterOptions): ChannelAdapter<WebsiteMessage> {
  return webhookAdapter({ name: 'website', render: renderWebhook }, options)
}
