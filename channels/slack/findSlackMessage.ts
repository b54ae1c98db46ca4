import { PermanentDeliveryError } from '../errors'
import type { SlackCall } from './slackClient'
import { METADATA_EVENT_TYPE, type SlackMessage } from './types'

/**
 * Messages per conversations.history page (Slack recommends at most 200), and how many pages a
 * lookup reads at most. A lookup reads back to the item's publication (`oldest`), which in the
 * internal news channel is a page; the cap only guards against a channel flooded since.
 */
const PAGE_SIZE = 200
const MAX_PAGES = 10

/** Which of our messages a lookup wants, judged by its metadata's `event_payload`. */
export type PayloadMatch = (payload: Record<string, unknown>) => boolean

/** Our message posted by this delivery. */
export const byDelivery =
  (deliveryId: string): PayloadMatch =>
  (payload) =>
    payload.delivery_id === deliveryId

/** Our message of this item, whichever delivery posted it. */
export const byItem =
  (item: SlackMessage['item']): PayloadMatch =>
  (payload) =>
    payload.item_id === item.id && payload.item_collection === item.collection

/**
 * The `ts` of our message in `channel` whose metadata matches, if there is one. Reads
 * conversations.history newest first with `include_all_metadata` (without it Slack may leave
 * metadata out), everything since the message's `notBefore`: a count alone is not enough, since
 * a retry can come after any number of other messages (a backlog drained after an outage, the
 * crash test's 300 items at once). A channel with more than 2000 messages since then is not
 * guessed about: the lookup fails permanently rather than report "none" and let a second
 * message go out. Among several matches (which these lookups exist to prevent) the oldest wins,
 * so edits keep going to the first.
 */
export async function findSlackMessage(
  call: SlackCall,
  channel: string,
  notBefore: string,
  match: PayloadMatch,
  signal: AbortSignal,
): Promise<string | null> {
  const oldest = slackTime(notBefore)
  let cursor: string | undefined
  for (let page = 0; ; page++) {
    if (page === MAX_PAGES) {
      throw new PermanentDeliveryError(
        `Slack: more than ${PAGE_SIZE * MAX_PAGES} messages in ${channel} since the item was published; ` +
          'could not tell whether it is already there, so nothing was posted',
        { code: 'slack-lookup-incomplete' },
      )
    }
    const result = await call(
      'conversations.history',
      { channel, limit: PAGE_SIZE, include_all_metadata: true, oldest, cursor },
      signal,
    )
    const messages = Array.isArray(result.messages) ? (result.messages as unknown[]) : []
    // Newest first: the last match on the page is the oldest.
    const found = messages
      .filter((m) => matches(m, match))
      .map(tsOf)
      .filter((ts): ts is string => ts !== undefined)
      .at(-1)
    if (found) return found
    const meta = result.response_metadata as { next_cursor?: unknown } | undefined
    cursor =
      typeof meta?.next_cursor === 'string' && meta.next_cursor ? meta.next_cursor : undefined
    if (result.has_more !== true || !cursor) break
  }
  return null
}

function matches(message: unknown, match: PayloadMatch): boolean {
  if (typeof message !== 'object' || message === null) return false
  const metadata = (message as { metadata?: unknown }).metadata
  if (typeof metadata !== 'object' || metadata === null) return false
  const { event_type: type, event_payload: payload } = metadata as Record<string, unknown>
  if (type !== METADATA_EVENT_TYPE || typeof payload !== 'object' || payload === null) return false
  return match(payload as Record<string, unknown>)
}

function tsOf(message: unknown): string | undefined {
  const ts = (message as { ts?: unknown }).ts
  return typeof ts === 'string' ? ts : undefined
}

/** ISO 8601 as Slack's `oldest`: Unix seconds with microseconds. Omitted when unreadable. */
function slackTime(iso: string): string | undefined {
  const ms = Date.parse(iso)
  if (!Number.isFinite(ms) || ms <= 0) return undefined
  return (ms / 1000).toFixed(6)
}
