import type { SlackCall } from './slackClient'
import { METADATA_EVENT_TYPE, type SlackMessage } from './types'

/** Messages per conversations.history page, and how many pages back `find` reads at most. */
const PAGE_SIZE = 50
const MAX_PAGES = 4

/**
 * The `ts` of the message this delivery posted, if it is in the channel: the message whose
 * metadata carries our event type and this delivery id. Reads conversations.history newest
 * first with `include_all_metadata` (without it Slack may leave metadata out), from the
 * message's `notBefore` on, at most 200 messages back: a retry follows its failed attempt within
 * the lease and the backoff, and the internal news channel does not get 200 messages meanwhile.
 * Among several matches (which this lookup exists to prevent) the oldest wins, so updates keep
 * going to the first.
 */
export async function findSlackMessage(
  call: SlackCall,
  channel: string,
  message: Pick<SlackMessage, 'notBefore'>,
  deliveryId: string,
  signal: AbortSignal,
): Promise<string | null> {
  const oldest = slackTime(message.notBefore)
  let cursor: string | undefined
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await call(
      'conversations.history',
      { channel, limit: PAGE_SIZE, include_all_metadata: true, oldest, cursor },
      signal,
    )
    const messages = Array.isArray(result.messages) ? (result.messages as unknown[]) : []
    // Newest first: the last match on the page is the oldest.
    const matches = messages.filter((m) => deliveryIdOf(m) === deliveryId).map(tsOf)
    const found = matches.filter((ts): ts is string => ts !== undefined).at(-1)
    if (found) return found
    const meta = result.response_metadata as { next_cursor?: unknown } | undefined
    cursor =
      typeof meta?.next_cursor === 'string' && meta.next_cursor ? meta.next_cursor : undefined
    if (result.has_more !== true || !cursor) break
  }
  return null
}

function deliveryIdOf(message: unknown): string | undefined {
  if (typeof message !== 'object' || message === null) return undefined
  const metadata = (message as { metadata?: unknown }).metadata
  if (typeof metadata !== 'object' || metadata === null) return undefined
  const { event_type: type, event_payload: payload } = metadata as Record<string, unknown>
  if (type !== METADATA_EVENT_TYPE || typeof payload !== 'object' || payload === null) {
    return undefined
  }
  const id = (payload as Record<string, unknown>).delivery_id
  return typeof id === 'string' ? id : undefined
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
