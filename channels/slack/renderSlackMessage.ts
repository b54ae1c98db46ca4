import type { ChannelItem, ItemCollection } from '../contract'
import { PermanentDeliveryError } from '../errors'
import { escapeMrkdwn, fitText, LIMITS, oneLine, paragraphs } from './blockText'
import { itemImage } from './itemImage'
import type { PlainText, SlackBlock, SlackMessage } from './types'

/** How far a message's `ts` may lie before the item's publication: Slack's and our clocks. */
const CLOCK_SKEW_MS = 10 * 60 * 1000

/** What the context line calls each kind of item (bokmål: staff read it). */
const KIND: Record<ItemCollection, string> = {
  news: 'Nyhet',
  events: 'Arrangement',
  'service-messages': 'Driftsmelding',
}

/**
 * The item as one Block Kit message: a header with the title, a section with the portal summary
 * (or the lead), the image with its alt text when there is one, a context line (kind, photo
 * credit) and a button to the item on the website. Pure: the same item always gives the same
 * message. Texts are `plain_text`, so nothing an editor typed is read as markup, and cut to Block
 * Kit's limits; a URL cannot be cut, so a link that does not fit fails permanently.
 */
export function renderSlackMessage(item: ChannelItem): SlackMessage {
  const title = fitText(oneLine(item.title), LIMITS.headerText)
  if (title === '') {
    throw new PermanentDeliveryError('Slack: the item has no title for the message header', {
      code: 'slack-no-title',
    })
  }
  if (!/^https?:\/\//.test(item.url) || item.url.length > LIMITS.buttonUrl) {
    throw new PermanentDeliveryError(
      `Slack: the item's URL cannot be a Block Kit link (http(s), at most ${LIMITS.buttonUrl} characters)`,
      { code: 'slack-invalid-url' },
    )
  }
  const summary = paragraphs(item.variants.portalSummary ?? item.lead)
  const image = itemImage(item)

  const blocks: SlackBlock[] = [{ type: 'header', text: plain(title) }]
  if (summary !== '') {
    blocks.push({ type: 'section', text: plain(fitText(summary, LIMITS.sectionText)) })
  }
  if (image) {
    blocks.push({
      type: 'image',
      image_url: image.url,
      alt_text: fitText(image.alt, LIMITS.imageAltText),
    })
  }
  const context = [plain(KIND[item.collection])]
  if (image?.credit) context.push(plain(fitText(`Foto: ${image.credit}`, LIMITS.contextText)))
  blocks.push({ type: 'context', elements: context })
  blocks.push({
    type: 'actions',
    elements: [{ type: 'button', text: plain('Les saken'), url: item.url, action_id: 'open_item' }],
  })

  const fallback = summary === '' ? title : `${title} – ${oneLine(summary)}`
  const message: SlackMessage = {
    text: escapeMrkdwn(fitText(fallback, LIMITS.fallbackText)),
    blocks,
    item: { id: item.id, collection: item.collection, revision: item.revision },
    notBefore: notBefore(item),
  }
  return message
}

function plain(text: string): PlainText {
  return { type: 'plain_text', text, emoji: true }
}

/**
 * No message of this item can be older than its publication (a scheduled item is delivered once
 * `publishAt` has passed), give or take clock skew. Empty when the time cannot be read.
 */
function notBefore(item: Pick<ChannelItem, 'publishedAt' | 'updatedAt'>): string {
  const published = Date.parse(item.publishedAt)
  const at = Number.isFinite(published) ? published : Date.parse(item.updatedAt)
  return Number.isFinite(at) ? new Date(at - CLOCK_SKEW_MS).toISOString() : ''
}
