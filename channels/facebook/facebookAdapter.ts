import { now as hubNow } from '../../src/clock'
import type { ChannelAdapter, ChannelConfig, DeliverContext, Receipt } from '../contract'
import { PermanentDeliveryError, TransientDeliveryError } from '../errors'
import { facebookConfigProblems, facebookSettings } from './facebookConfig'
import { facebookHealth } from './facebookHealth'
import { findPost, type PagePost } from './findPost'
import { createGraphClient } from './graphClient'
import { DUPLICATE_POST, isMissingObject } from './graphError'
import { facebookReceipt, postIdOf } from './receipt'
import { renderPost } from './renderPost'
import type { FacebookMessage, FacebookReceiptDetail } from './types'
import { createUsageGate } from './usage'

export type FacebookAdapterOptions = {
  /** `FACEBOOK_*` settings, normally the process environment (see `facebookConfig.ts`). */
  config: ChannelConfig
  /** Deadline for one Graph call. Default 30 s: a photo post waits while Facebook fetches it. */
  timeoutMs?: number
  /** The "now" for receipts and the usage pause. Default: the hub clock. */
  now?: () => Date
  /** Usage (percent) in a successful answer from which calls pause. Default 95. */
  pauseAtPercent?: number
  /** The pause when Facebook throttles without saying how long. Default 300 s. */
  defaultPauseSeconds?: number
  /**
   * Look for the item's post before every create, not only on the outbox's retries. Default
   * true, because the outbox calls `find` only from attempt 2 of the same delivery: a publish
   * that posted, failed (created-then-500) and was superseded by a newer revision before its
   * retry is followed by a fresh `publish` at attempt 1, which would post a second time. Costs
   * one `published_posts` read per new post. With false, only updates without a prior look.
   */
  findBeforeCreate?: boolean
}

type Ctx = DeliverContext<'publish' | 'update'>

/**
 * The municipality's Facebook Page: one public target, link posts or photo posts, edited in
 * place on update, deleted on retract. The Graph API has no idempotency key and can fail after
 * posting, so `find` looks for the post (by the item URL) before anything is posted again.
 * See README.md.
 */
export function facebookAdapter(options: FacebookAdapterOptions): ChannelAdapter<FacebookMessage> {
  const settings = facebookSettings(options.config)
  const now = options.now ?? hubNow
  const gate = createUsageGate({
    pauseAtPercent: options.pauseAtPercent ?? 95,
    defaultPauseSeconds: options.defaultPauseSeconds ?? 300,
  })
  const client = createGraphClient({
    settings,
    timeoutMs: options.timeoutMs ?? 30_000,
    now,
    gate,
    defaultPauseSeconds: options.defaultPauseSeconds ?? 300,
  })
  const { pageId } = settings
  const findBeforeCreate = options.findBeforeCreate ?? true
  const kindOf = (message: FacebookMessage): FacebookReceiptDetail['kind'] =>
    message.photo ? 'photo' : 'link'

  /** Best effort: a stale preview is not worth failing (and re-editing) the delivery for. */
  async function rescrape(url: string, signal: AbortSignal): Promise<boolean> {
    try {
      const answer = await client.send('POST', '', { id: url, scrape: true }, signal)
      return answer.ok
    } catch {
      return false
    }
  }

  async function edit(
    postId: string,
    message: FacebookMessage,
    ctx: Ctx,
    detail: Partial<FacebookReceiptDetail>,
  ) {
    const answer = await client.send('POST', postId, { message: message.text }, ctx.signal)
    if (!answer.ok) {
      if (answer.graph && isMissingObject(answer.graph)) {
        // Recreating it would bring back what someone deleted on Facebook by hand.
        throw new PermanentDeliveryError(
          `The Facebook post ${postId} no longer exists (deleted on Facebook?); it was not posted again`,
          { code: 'facebook-post-missing', statusCode: answer.result.status },
        )
      }
      throw answer.failure
    }
    const rescraped = await rescrape(message.itemUrl, ctx.signal)
    return facebookReceipt(
      postId,
      { pageId, kind: kindOf(message), itemUrl: message.itemUrl, ...detail, rescraped },
      { acknowledgedAt: now() },
    )
  }

  /** A post found on the Page becomes this delivery's copy, brought up to this revision's text. */
  async function adopt(post: PagePost, message: FacebookMessage, ctx: Ctx): Promise<Receipt> {
    if (sameText(post.message, message.text)) {
      return facebookReceipt(
        post.id,
        { pageId, kind: kindOf(message), itemUrl: message.itemUrl, found: true },
        { acknowledgedAt: now(), permalinkUrl: post.permalinkUrl },
      )
    }
    const receipt = await edit(post.id, message, ctx, { found: true })
    return post.permalinkUrl ? { ...receipt, externalUrl: post.permalinkUrl } : receipt
  }

  async function find(message: FacebookMessage, ctx: Ctx): Promise<Receipt | null> {
    const post = await findPost(client, pageId, message, ctx.signal)
    return post ? adopt(post, message, ctx) : null
  }

  async function create(message: FacebookMessage, ctx: Ctx): Promise<Receipt> {
    const answer = message.photo
      ? await client.send(
          'POST',
          `${pageId}/photos`,
          {
            url: message.photo.url,
            caption: message.text,
            alt_text_custom: message.photo.alt || undefined,
          },
          ctx.signal,
        )
      : await client.send(
          'POST',
          `${pageId}/feed`,
          { message: message.text, link: message.itemUrl },
          ctx.signal,
        )
    if (!answer.ok) {
      if (answer.graph?.code !== DUPLICATE_POST) throw answer.failure
      // Facebook refuses a message it has just seen: most likely our own earlier attempt.
      const found = await find(message, ctx)
      if (found) return found
      throw new PermanentDeliveryError(
        `${answer.failure.message}; no post of this item was found on the Page`,
        { code: 'facebook-duplicate', statusCode: answer.result.status },
      )
    }
    const id = typeof answer.data.id === 'string' ? answer.data.id : ''
    // A photo post answers with the photo's id and the post's; edits and deletes act on the post.
    const postId = typeof answer.data.post_id === 'string' ? answer.data.post_id : id
    if (!postId) {
      // The post may exist; transient, so the retry runs `find` instead of posting again.
      throw new TransientDeliveryError(
        `Facebook accepted the post but named no id (${answer.result.safeUrl})`,
        { code: 'facebook-no-id', statusCode: answer.result.status },
      )
    }
    const detail: FacebookReceiptDetail = {
      pageId,
      kind: kindOf(message),
      itemUrl: message.itemUrl,
    }
    if (message.photo && id && id !== postId) detail.photoId = id
    return facebookReceipt(postId, detail, { acknowledgedAt: now() })
  }

  return {
    name: 'facebook',

    // The settings it was built with are the ones it runs with; at boot they are the same process
    // environment the registry passes in, and in tests they are what the test configured.
    validate: () => facebookConfigProblems(options.config),

    targets: () => (pageId ? [{ id: pageId, name: settings.pageName, public: true }] : []),

    accepts(item, target) {
      if (target.id !== pageId) return 'Ukjent Facebook-side'
      if (item.audience === 'internal') return 'Interne saker publiseres aldri på Facebook'
      return true
    },

    render: (item, ctx) => renderPost(item, ctx),

    async deliver(message, ctx) {
      const prior = ctx.prior
      const postId = postIdOf(prior)
      if (postId) {
        // An edit changes the text only: the post stays the kind (and photo) it was made as.
        const { kind, photoId } = (prior?.detail ?? {}) as Partial<FacebookReceiptDetail>
        const kept: Partial<FacebookReceiptDetail> = {}
        if (kind === 'link' || kind === 'photo') kept.kind = kind
        if (typeof photoId === 'string') kept.photoId = photoId
        return edit(postId, message, ctx, kept)
      }
      // No prior copy does not mean no post: an earlier delivery of this item may have posted
      // and then failed, and been superseded before its retry could look (see the option).
      if (findBeforeCreate || ctx.action === 'update') {
        const found = await find(message, ctx)
        if (found) return found
      }
      return create(message, ctx)
    },

    find,

    async retract(receipt, ctx) {
      const postId = postIdOf(receipt)
      if (!postId) {
        throw new PermanentDeliveryError('The receipt does not name a Facebook post to delete', {
          code: 'receipt-incomplete',
        })
      }
      const answer = await client.send('DELETE', postId, {}, ctx.signal)
      if (!answer.ok && !(answer.graph && isMissingObject(answer.graph))) throw answer.failure
      return {
        ...receipt,
        acknowledgedAt: now().toISOString(),
        detail: { ...receipt.detail, deleted: answer.ok ? 'deleted' : 'already-gone' },
      }
    },

    health: (ctx) => facebookHealth(client, pageId, gate, now(), ctx.signal),
  }
}

/** Facebook may trim or re-wrap whitespace; only the words decide whether an edit is due. */
function sameText(a: string, b: string): boolean {
  return a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim()
}
