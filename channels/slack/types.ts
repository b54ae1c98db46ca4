import type { ItemCollection } from '../contract'

/**
 * What `render` hands to `deliver` and `find`: one Slack message, ready to send except for the
 * delivery id, which `render` cannot know (it only gets the item) and `deliver` stamps into the
 * metadata. Plain data, so the outbox can carry it and tests can compare it.
 */
export type SlackMessage = {
  /**
   * Top-level `text`: the notification and screen-reader fallback for the blocks. Slack parses
   * it as mrkdwn, so `&`, `<` and `>` are already escaped here.
   */
  text: string
  blocks: SlackBlock[]
  item: { id: string; collection: ItemCollection; revision: number }
  /**
   * ISO 8601: no message of this item can be older than this (its publication, less an
   * allowance for clock skew), so lookups do not read history further back.
   */
  notBefore: string
}

export type PlainText = { type: 'plain_text'; text: string; emoji?: boolean }

/** The Block Kit blocks this adapter uses, as Slack's JSON spells them. */
export type SlackBlock =
  | { type: 'header'; text: PlainText }
  | { type: 'section'; text: PlainText }
  | { type: 'image'; image_url: string; alt_text: string; title?: PlainText }
  | { type: 'context'; elements: PlainText[] }
  | {
      type: 'actions'
      elements: { type: 'button'; text: PlainText; url: string; action_id: string }[]
    }

/** The `metadata` argument of chat.postMessage / chat.update (Slack's message metadata). */
export type SlackMetadata = {
  event_type: typeof METADATA_EVENT_TYPE
  event_payload: {
    item_id: string
    item_collection: ItemCollection
    revision: number
    delivery_id: string
  }
}

/** Our messages' metadata event type; `find` ignores every message without it. */
export const METADATA_EVENT_TYPE = 'hub_item'

/** The picture of the image block, chosen from the item's renditions (see `itemImage`). */
export type SlackImage = { url: string; alt: string; credit?: string }

/** What a Slack receipt remembers besides the message's `ts` (its `externalId`). */
export type SlackReceiptDetail = {
  /** The conversation the message is in: chat.update and chat.delete need it with the ts. */
  channel: string
  /** `true` when `find` found the message after an ambiguous failure, not created now. */
  found?: boolean
  /** Set by a retraction: whether this call deleted the message or it was gone already. */
  deleted?: 'deleted' | 'already-gone'
}
