import type { Receipt } from '../contract'
import type { WebhookEvent, WebhookItemRef } from './types'

/**
 * What a website receipt remembers. A retraction gets only the receipt, so it carries which
 * item it was about; `status` is the receiver's HTTP status, or null when nothing was sent
 * because the endpoint does not subscribe to the event (`skipped`).
 */
export type WebsiteReceiptDetail = WebhookItemRef & {
  status: number | null
  event: WebhookEvent
  skipped?: true
}

export function websiteReceipt(detail: WebsiteReceiptDetail, acknowledgedAt?: Date): Receipt {
  const receipt: Receipt = { detail: { ...detail } }
  if (acknowledgedAt) receipt.acknowledgedAt = acknowledgedAt.toISOString()
  return receipt
}

/** The item a receipt is about, or null when the receipt is not one of ours. */
export function receiptItemRef(receipt: Receipt): WebhookItemRef | null {
  const d = receipt.detail ?? {}
  const { id, collection, slug, url, revision } = d
  if (typeof id !== 'string' || typeof slug !== 'string' || typeof url !== 'string') return null
  if (typeof revision !== 'number') return null
  if (collection !== 'news' && collection !== 'events' && collection !== 'service-messages') {
    return null
  }
  return { id, collection, slug, url, revision }
}
