import { now as hubNow } from '../../src/clock'
import { slackEnv } from '../../src/config/env'
import type { ChannelAdapter, ChannelConfig, DeliverContext, Receipt, Target } from '../contract'
import { PermanentDeliveryError, TransientDeliveryError } from '../errors'
import { DEFAULT_TIMEOUT_MS } from '../http'
import { byDelivery, byItem, findSlackMessage } from './findSlackMessage'
import { renderSlackMessage } from './renderSlackMessage'
import { slackCaller } from './slackClient'
import { slackConfigProblems, slackSettings } from './slackConfig'
import { slackHealth } from './slackHealth'
import { type MessageRef, messageRefOf, permalinkOf, slackReceipt } from './slackReceipt'
import { METADATA_EVENT_TYPE, type SlackMessage, type SlackMetadata } from './types'

export type SlackAdapterOptions = {
  /** SLACK_* settings. Default: the process environment. */
  config?: ChannelConfig
  /** Deadline for one Web API call, the answer's body included. Default 15 s. */
  timeoutMs?: number
  /** The "now" for receipts and Retry-After dates. Default: the hub clock. */
  now?: () => Date
  /**
   * Look for the item's message before every post, not only on the outbox's retries. Default
   * true, because the outbox calls `find` only from attempt 2 of the same delivery: a publish
   * that posted, failed (created-then-500) and was superseded by a newer revision before its
   * retry is followed by a fresh delivery at attempt 1, which would post a second message. Costs
   * one conversations.history read per new message.
   */
  findBeforeCreate?: boolean
}

/** The news channel as editors see it in the ledger. */
const TARGET_NAME = 'Slack – interne nyheter'

/**
 * Internal news in Slack: one target, the conversation in SLACK_CHANNEL, staff-only, so internal
 * items may go there. A publication is chat.postMessage with Block Kit and message metadata
 * carrying the item, its revision and the delivery id; an update edits that message
 * (chat.update); a retraction deletes it (chat.delete). Slack has no idempotency key, so after
 * an ambiguous failure `find` looks for the delivery id in the channel's recent metadata before
 * the outbox posts again. See README.md.
 */
export function slackAdapter(options: SlackAdapterOptions = {}): ChannelAdapter<SlackMessage> {
  const config = options.config ?? slackEnv()
  const settings = slackSettings(config)
  const now = options.now ?? hubNow
  const call = slackCaller({
    token: settings.token,
    apiUrl: settings.apiUrl,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    now,
  })
  const target: Target = { id: settings.channel, name: TARGET_NAME, public: false }

  const metadata = (message: SlackMessage, ctx: DeliverContext): SlackMetadata => ({
    event_type: METADATA_EVENT_TYPE,
    event_payload: {
      item_id: message.item.id,
      item_collection: message.item.collection,
      revision: message.item.revision,
      delivery_id: ctx.deliveryId,
    },
  })

  const receiptFor = async (ref: MessageRef, signal: AbortSignal, extra: { found?: true } = {}) =>
    slackReceipt(ref, extra, {
      acknowledgedAt: now(),
      permalink: await permalinkOf(call, ref, signal),
    })

  async function post(message: SlackMessage, ctx: DeliverContext): Promise<Receipt> {
    const result = await call(
      'chat.postMessage',
      {
        // The delivery's target is the conversation: a retry after SLACK_CHANNEL changed still
        // goes where its delivery was meant to (the next sync retracts it from there).
        channel: ctx.target.id,
        text: message.text,
        blocks: message.blocks,
        metadata: metadata(message, ctx),
        unfurl_links: false,
      },
      ctx.signal,
    )
    if (typeof result.ts !== 'string') {
      // Slack said ok but not where: treat as ambiguous, so the retry looks before posting.
      throw new TransientDeliveryError('Slack chat.postMessage: ok without a ts', {
        code: 'slack-no-ts',
      })
    }
    const channel = typeof result.channel === 'string' ? result.channel : ctx.target.id
    return receiptFor({ channel, ts: result.ts }, ctx.signal)
  }

  async function update(
    message: SlackMessage,
    ref: MessageRef,
    ctx: DeliverContext,
    extra: { found?: true } = {},
  ): Promise<Receipt> {
    // A message deleted in Slack is not posted again: someone took it down on purpose, and
    // message_not_found fails the update permanently so editors see it.
    await call(
      'chat.update',
      {
        channel: ref.channel,
        ts: ref.ts,
        text: message.text,
        blocks: message.blocks,
        metadata: metadata(message, ctx),
      },
      ctx.signal,
    )
    const permalink =
      typeof ctx.prior?.externalUrl === 'string'
        ? ctx.prior.externalUrl
        : await permalinkOf(call, ref, ctx.signal)
    return slackReceipt(ref, extra, { acknowledgedAt: now(), permalink })
  }

  /**
   * No prior copy does not mean no message: an earlier delivery of this item may have posted and
   * then failed, and been superseded before its retry could look. Such a message is taken over
   * (edited to this revision) instead of posting a second one.
   */
  async function create(message: SlackMessage, ctx: DeliverContext): Promise<Receipt> {
    if (options.findBeforeCreate ?? true) {
      const channel = ctx.target.id
      const ts = await findSlackMessage(
        call,
        channel,
        message.notBefore,
        byItem(message.item),
        ctx.signal,
      )
      if (ts) return update(message, { channel, ts }, ctx, { found: true })
    }
    return post(message, ctx)
  }

  return {
    name: 'slack',

    // The settings it was built with are the ones it runs with: at boot the same environment the
    // registry passes in, in tests what the test configured.
    validate: () => slackConfigProblems(config),

    targets: () => (settings.channel ? [target] : []),

    accepts(item, to) {
      if (to.id !== target.id) return 'Ukjent Slack-kanal'
      if (item.title.trim() === '') return 'Saken har ingen tittel'
      return true
    },

    render: (item) => renderSlackMessage(item),

    async deliver(message, ctx) {
      const ref = messageRefOf(ctx.prior)
      return ref ? update(message, ref, ctx) : create(message, ctx)
    },

    async retract(receipt, ctx) {
      const ref = messageRefOf(receipt)
      if (!ref) {
        throw new PermanentDeliveryError('The receipt does not say which Slack message to delete', {
          code: 'receipt-incomplete',
        })
      }
      let deleted: 'deleted' | 'already-gone' = 'deleted'
      try {
        await call('chat.delete', { channel: ref.channel, ts: ref.ts }, ctx.signal)
      } catch (err) {
        // Gone already (deleted in Slack, or an earlier attempt's delete landed): retracted.
        if ((err as { code?: unknown }).code !== 'slack-message_not_found') throw err
        deleted = 'already-gone'
      }
      const out: Receipt = {
        ...receipt,
        detail: { ...receipt.detail, channel: ref.channel, deleted },
      }
      return out
    },

    async find(message, ctx) {
      const channel = ctx.target.id
      const match = byDelivery(ctx.deliveryId)
      const ts = await findSlackMessage(call, channel, message.notBefore, match, ctx.signal)
      return ts ? receiptFor({ channel, ts }, ctx.signal, { found: true }) : null
    },

    health: (ctx) => slackHealth(call, settings, ctx.signal),
  }
}
