import { PermanentDeliveryError } from '../errors'
import type { GraphClient } from './graphClient'
import type { FacebookMessage } from './types'

export type PagePost = {
  id: string
  message: string
  permalinkUrl?: string
  createdTime?: string
}

/**
 * Posts per page of `published_posts` (the Graph maximum), and how many pages back `find` reads
 * at most. It normally stops on the first page, at posts older than the item; the cap matters in
 * a burst (a chaos run, a migration) where hundreds of posts landed since the item's own, and
 * when it is reached before the item's time the lookup fails rather than answer "none".
 */
const PAGE_SIZE = 100
const MAX_PAGES = 10

/**
 * Our post for this item on the Page, if one is there: the oldest published post not older than
 * the item whose message contains the item URL as a whole link. More than 1000 posts since the
 * item is not guessed about: that fails permanently (nothing is posted) instead of answering
 * "none", which would let a second post go out.
 * The URL is the marker because `render` always ends the text with it, and it is the one thing
 * an item's post carries that no other item's does; the Graph API has no field of our own to
 * stamp a delivery id into, and a visible id would clutter every post. The oldest match wins, so
 * a Page that somehow holds two stays on the first.
 *
 * Reads `GET /{page-id}/published_posts` (newest first), which needs `pages_read_engagement`.
 */
export async function findPost(
  client: GraphClient,
  pageId: string,
  message: FacebookMessage,
  signal: AbortSignal,
): Promise<PagePost | null> {
  const oldest = Date.parse(message.notBefore)
  let after: string | undefined
  let match: PagePost | null = null
  for (let page = 0; ; page++) {
    if (page === MAX_PAGES) {
      throw new PermanentDeliveryError(
        `Facebook: more than ${PAGE_SIZE * MAX_PAGES} posts on the Page since the item was published; ` +
          'could not tell whether it is already there, so nothing was posted',
        { code: 'facebook-lookup-incomplete' },
      )
    }
    const data = await client.call(
      'GET',
      `${pageId}/published_posts`,
      { fields: 'id,message,permalink_url,created_time', limit: PAGE_SIZE, after },
      signal,
    )
    const posts = postsIn(data)
    for (const post of posts) {
      const tooOld = post.createdTime !== undefined && Date.parse(post.createdTime) < oldest
      if (!tooOld && containsLink(post.message, message.itemUrl)) match = post
    }
    const last = posts.at(-1)
    const reachedOlder = last?.createdTime !== undefined && Date.parse(last.createdTime) < oldest
    after = nextCursor(data)
    if (reachedOlder || !after || posts.length === 0) break
  }
  return match
}

/** Whether `text` contains `url` as a whole link, not as the start of a longer one. */
export function containsLink(text: string, url: string): boolean {
  let from = 0
  for (;;) {
    const at = text.indexOf(url, from)
    if (at < 0) return false
    const before = at === 0 ? '' : (text[at - 1] ?? '')
    const after = text.slice(at + url.length, at + url.length + 2)
    if (!/[\w/:.%?&=#+~-]/.test(before) && endsLink(after)) return true
    from = at + 1
  }
}

/** The URL ends here: end of text, whitespace, closing punctuation, or a full stop ending it. */
function endsLink(next: string): boolean {
  const first = next[0]
  if (first === undefined || /\s/.test(first)) return true
  if (/[)\]}>"'«»,;:!]/.test(first)) return true
  return (first === '.' || first === '?') && (next[1] === undefined || /\s/.test(next[1]))
}

function postsIn(data: Record<string, unknown>): PagePost[] {
  const list = Array.isArray(data.data) ? (data.data as unknown[]) : []
  const posts: PagePost[] = []
  for (const entry of list) {
    if (typeof entry !== 'object' || entry === null) continue
    const e = entry as Record<string, unknown>
    if (typeof e.id !== 'string') continue
    const post: PagePost = { id: e.id, message: typeof e.message === 'string' ? e.message : '' }
    if (typeof e.permalink_url === 'string') post.permalinkUrl = e.permalink_url
    if (typeof e.created_time === 'string') post.createdTime = normaliseGraphTime(e.created_time)
    posts.push(post)
  }
  return posts
}

/** Only when Facebook says there is a next page: a cursor alone does not promise one. */
function nextCursor(data: Record<string, unknown>): string | undefined {
  const paging = data.paging as { next?: unknown; cursors?: { after?: unknown } } | undefined
  if (typeof paging?.next !== 'string') return undefined
  const after = paging.cursors?.after
  return typeof after === 'string' && after !== '' ? after : undefined
}

/** Graph times look like `2026-04-02T08:00:05+0000`; `Date.parse` wants `+00:00`. */
export function normaliseGraphTime(time: string): string {
  return time.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')
}
