import type { Receipt } from '../contract'
import type { FacebookReceiptDetail } from './types'

/**
 * A link editors can open. `https://www.facebook.com/<page-id>_<post-id>` resolves to the post
 * without knowing its permalink; a permalink Facebook reported is used when there is one.
 */
export function postUrl(postId: string): string {
  return `https://www.facebook.com/${encodeURIComponent(postId)}`
}

export function facebookReceipt(
  postId: string,
  detail: FacebookReceiptDetail,
  options: { acknowledgedAt: Date; permalinkUrl?: string },
): Receipt {
  return {
    externalId: postId,
    externalUrl: options.permalinkUrl ?? postUrl(postId),
    acknowledgedAt: options.acknowledgedAt.toISOString(),
    detail: { ...detail },
  }
}

/**
 * The post a receipt points at, or null when it is not one of ours. Graph post ids are numeric,
 * `<page-id>_<post-id>`; anything else (a sandbox's `sandbox-dlv_…` from the demo) never reached
 * Facebook, so there is no post to edit.
 */
export function postIdOf(receipt: Receipt | undefined): string | null {
  const id = receipt?.externalId
  return typeof id === 'string' && /^\d+(?:_\d+)?$/.test(id) ? id : null
}
