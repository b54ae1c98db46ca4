import type { FakePost, GraphOperation } from './types'

const URL_IN_TEXT = /https?:\/\/[^\s"'<>«»]+/g

/** The URLs a post is about: its link, else every URL its message names. */
export function subjectUrls(post: Pick<FakePost, 'link' | 'message'>): string[] {
  if (post.link) return [post.link]
  return (post.message.match(URL_IN_TEXT) ?? []).map((url) => url.replace(/[.,;:!?)]+$/, ''))
}

/**
 * The Page's posts, deleted ones kept (they are the evidence), with the operations done to them
 * and every time a post was created while another live post was already about the same URL:
 * that is a duplicate, whoever caused it.
 */
export class PostStore {
  readonly posts: FakePost[] = []
  readonly operations: GraphOperation[] = []
  readonly duplicates: { url: string; postIds: string[] }[] = []
  private serial = 0

  constructor(
    private readonly pageId: string,
    private readonly now: () => Date,
  ) {}

  create(
    input: Pick<FakePost, 'kind' | 'message' | 'link' | 'photo'>,
    answeredOk: boolean,
  ): FakePost {
    this.serial += 1
    const post: FakePost = {
      id: `${this.pageId}_${100000000000000 + this.serial}`,
      ...input,
      createdTime: this.now(),
      messages: [input.message],
    }
    const urls = subjectUrls(post)
    for (const url of urls) {
      const live = this.live().filter((p) => subjectUrls(p).includes(url))
      if (live.length > 0)
        this.duplicates.push({ url, postIds: [...live.map((p) => p.id), post.id] })
    }
    this.posts.push(post)
    this.operations.push({ kind: 'create', postId: post.id, urls, answeredOk })
    return post
  }

  /** A live post by its post id, or by its photo's id (a photo post answers to both). */
  find(id: string): FakePost | undefined {
    return this.live().find((p) => p.id === id || p.photo?.id === id)
  }

  edit(post: FakePost, message: string, answeredOk: boolean): void {
    post.message = message
    post.messages.push(message)
    this.operations.push({ kind: 'update', postId: post.id, urls: subjectUrls(post), answeredOk })
  }

  delete(post: FakePost, answeredOk: boolean): void {
    post.deletedAt = this.now()
    this.operations.push({ kind: 'delete', postId: post.id, urls: subjectUrls(post), answeredOk })
  }

  live(): FakePost[] {
    return this.posts.filter((p) => !p.deletedAt)
  }

  /** Live posts newest first, as `published_posts` lists them. */
  newestFirst(): FakePost[] {
    return this.live()
      .map((post, index) => ({ post, index }))
      .sort(
        (a, b) => b.post.createdTime.getTime() - a.post.createdTime.getTime() || b.index - a.index,
      )
      .map(({ post }) => post)
  }

  /** Every post ever created about `url`, deleted ones included. */
  about(url: string): FakePost[] {
    return this.posts.filter((p) => subjectUrls(p).includes(url))
  }

  nextPhotoId(): string {
    this.serial += 1
    return String(200000000000000 + this.serial)
  }
}

/** Graph's time format: `2026-04-02T08:00:05+0000`. */
export function graphTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, '+0000')
}
