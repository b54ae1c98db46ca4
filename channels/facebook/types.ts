/**
 * What `render` hands to `deliver` and `find`: one Page post, ready to send. Plain data, so the
 * outbox can carry it between the two and tests can compare it.
 */
export type FacebookMessage = {
  itemId: string
  /**
   * The item's public URL: the link of a link post, and the marker `find` recognises our post
   * by. It is always part of `text`, because `published_posts` returns the message but not the
   * link, and a photo post has no link of its own.
   */
  itemUrl: string
  /** The post's message (link post) or caption (photo post): plain text, within the limit. */
  text: string
  /** Set for a photo post (`POST /{page-id}/photos`); absent for a link post (`/feed`). */
  photo?: { url: string; alt: string }
  /**
   * ISO 8601: no post of this item can be older than this (the item's publication, less an
   * allowance for clock skew), so `find` stops paging back there.
   */
  notBefore: string
}

/** The photo of a photo post: the item image's social rendition, absolute, with its alt text. */
export type FacebookImage = { url: string; alt: string; credit?: string }

/** What a Facebook receipt remembers besides the post id, for editors and for later attempts. */
export type FacebookReceiptDetail = {
  pageId: string
  kind: 'link' | 'photo'
  itemUrl: string
  /** The photo object's own id, for photo posts (the post id is `externalId`). */
  photoId?: string
  /** Whether Facebook accepted the re-scrape of the item URL after an edit. */
  rescraped?: boolean
  /** `true` when the post was found on the Page after an ambiguous failure, not created now. */
  found?: boolean
  /** Set by a retraction: whether this call deleted the post or it was gone already. */
  deleted?: 'deleted' | 'already-gone'
}

/** The Graph API's error body (`{ error: { … } }`), as far as the adapter reads it. */
export type GraphError = {
  message: string
  type?: string
  code: number
  subcode?: number
  fbtraceId?: string
  isTransient?: boolean
}
