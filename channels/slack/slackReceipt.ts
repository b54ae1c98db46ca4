import type { Receipt } from '../contract'
import type { SlackCall } from './slackClient'
import type { SlackReceiptDetail } from './types'

/** A message's address in Slack: the conversation and the message's `ts`. */
export type MessageRef = { channel: string; ts: string }

const TS = /^\d+\.\d+$/

export function slackReceipt(
  ref: MessageRef,
  detail: Omit<SlackReceiptDetail, 'channel'>,
  options: { acknowledgedAt: Date; permalink: string },
): Receipt {
  return {
    externalId: ref.ts,
    externalUrl: options.permalink,
    acknowledgedAt: options.acknowledgedAt.toISOString(),
    detail: { channel: ref.channel, ...detail },
  }
}

/** The message a receipt points at, or null when the receipt is not one of ours. */
export function messageRefOf(receipt: Receipt | undefined): MessageRef | null {
  const ts = receipt?.externalId
  const channel = receipt?.detail?.channel
  if (typeof ts !== 'string' || !TS.test(ts) || typeof channel !== 'string' || channel === '') {
    return null
  }
  return { channel, ts }
}

/**
 * A link that opens the message without knowing the workspace's domain: Slack redirects
 * `https://slack.com/archives/<channel>/p<ts without the dot>` to it for a signed-in member.
 */
export function archiveUrl(ref: MessageRef): string {
  return `https://slack.com/archives/${encodeURIComponent(ref.channel)}/p${ref.ts.replace('.', '')}`
}

/**
 * The message's permalink from chat.getPermalink, or the archive URL when that call fails: the
 * message is out by then, and a missing link must not turn a delivered message into a failure
 * that would be retried.
 */
export async function permalinkOf(
  call: SlackCall,
  ref: MessageRef,
  signal: AbortSignal,
): Promise<string> {
  try {
    const result = await call(
      'chat.getPermalink',
      { channel: ref.channel, message_ts: ref.ts },
      signal,
    )
    if (typeof result.permalink === 'string' && /^https:\/\//.test(result.permalink)) {
      return result.permalink
    }
  } catch {
    // Fall through to the archive URL.
  }
  return archiveUrl(ref)
}
