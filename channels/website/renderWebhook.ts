import type { ChannelItem } from '../contract'
import type { WebhookBody, WebhookEvent, WebhookItemRef, WebsiteMessage } from './types'

/**
 * The item as a webhook carries it. Pure: the same item gives the same message on every retry.
 * `occurredAt` is when this revision became visible, the later of publication (which may be
 * scheduled) and its last change, so it does not move between attempts.
 */
export function renderWebhook(item: ChannelItem): WebsiteMessage {
  return {
    ...itemRef(item),
    occurredAt: later(item.publishedAt, item.updatedAt),
    data: item.data,
  }
}

export function itemRef(item: WebhookItemRef): WebhookItemRef {
  return {
    id: item.id,
    collection: item.collection,
    slug: item.slug,
    url: item.url,
    revision: item.revision,
  }
}

/** The body for a publish or update, keys in the documented order. */
export function itemBody(type: WebhookEvent, message: WebsiteMessage): WebhookBody {
  return { type, ...itemRef(message), occurredAt: message.occurredAt, data: message.data }
}

/** The body for a retraction: which item, but none of its content. */
export function retractionBody(ref: WebhookItemRef, occurredAt: Date): WebhookBody {
  return { type: 'item.retracted', ...itemRef(ref), occurredAt: occurredAt.toISOString() }
}

function later(a: string, b: string): string {
  return Date.parse(a) >= Date.parse(b) ? a : b
}
