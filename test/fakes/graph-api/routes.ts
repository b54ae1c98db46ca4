import { errors, type GraphAnswer } from './graphErrors'
import type { ParsedGraphRequest } from './parseGraphRequest'
import { graphTime, type PostStore } from './PostStore'
import type { FakePost } from './types'

export type RouteKind = 'create' | 'edit' | 'delete' | 'read' | 'scrape' | 'unknown'

export type RouteContext = {
  store: PostStore
  pageId: string
  pageName: string
  now: () => Date
  /** False when the answer will be replaced by a 500 after the work is done. */
  answeredOk: boolean
  /** `http://127.0.0.1:<port>`, for `paging.next`. */
  origin: string
  scrapes: string[]
}

const POST_FIELDS = ['id', 'message', 'permalink_url', 'created_time'] as const
const MAX_LIMIT = 100

/** Which kind of call this is, so modes can pick the ones they apply to. */
export function routeKind(req: ParsedGraphRequest, pageId: string): RouteKind {
  const [id, edge, ...rest] = req.segments
  if (rest.length > 0) return 'unknown'
  if (id === undefined) return req.method === 'POST' ? 'scrape' : 'unknown'
  if (id === pageId && (edge === 'feed' || edge === 'photos'))
    return req.method === 'POST' ? 'create' : 'unknown'
  if (edge !== undefined) return req.method === 'GET' ? 'read' : 'unknown'
  if (req.method === 'GET') return 'read'
  if (req.method === 'DELETE') return 'delete'
  return id === pageId || id === 'me' ? 'unknown' : 'edit'
}

/**
 * The endpoints the Facebook adapter uses, answered as the Graph API documents them:
 * Page feed and photos (https://developers.facebook.com/docs/graph-api/reference/page/feed,
 * …/page/photos), post update and delete (…/reference/pagepost), published posts
 * (…/reference/page/published_posts), the Page node and `me`, and the sharing debugger's
 * re-scrape (`POST /?id=<url>&scrape=true`, https://developers.facebook.com/docs/sharing/opengraph/using-objects).
 */
export function handleRoute(req: ParsedGraphRequest, ctx: RouteContext): GraphAnswer {
  const { store, pageId } = ctx
  const [id = '', edge] = req.segments
  const p = req.params
  switch (routeKind(req, pageId)) {
    case 'scrape': {
      if (p.scrape !== 'true' || !p.id)
        return errors.invalidParameter('Param id must be a URL and scrape must be true')
      ctx.scrapes.push(p.id)
      const at = graphTime(ctx.now())
      return ok({
        url: p.id,
        type: 'website',
        title: p.id,
        updated_time: at,
        id: `og_${ctx.scrapes.length}`,
      })
    }
    case 'create': {
      if (edge === 'feed') {
        if (!p.message && !p.link) return errors.invalidParameter('Missing message or attachment')
        const post = store.create(
          { kind: 'link', message: p.message ?? '', link: p.link },
          ctx.answeredOk,
        )
        return ok({ id: post.id })
      }
      if (!p.url) return errors.invalidParameter('Missing photo: url or source is required')
      const photoId = store.nextPhotoId()
      const photo = {
        id: photoId,
        url: p.url,
        ...(p.alt_text_custom ? { alt: p.alt_text_custom } : {}),
      }
      const post = store.create({ kind: 'photo', message: p.caption ?? '', photo }, ctx.answeredOk)
      return ok({ id: photoId, post_id: post.id })
    }
    case 'edit': {
      const post = store.find(id)
      if (!post) return errors.missingObject(id, 'post')
      if (p.message === undefined)
        return errors.invalidParameter('Nothing to update: message is required')
      store.edit(post, p.message, ctx.answeredOk)
      return ok({ success: true })
    }
    case 'delete': {
      const post = store.find(id)
      if (!post) return errors.missingObject(id, 'delete')
      store.delete(post, ctx.answeredOk)
      return ok({ success: true })
    }
    case 'read':
      return read(req, ctx)
    case 'unknown':
      return errors.unknownPath(`/${req.segments.join('/')}`)
  }
}

function read(req: ParsedGraphRequest, ctx: RouteContext): GraphAnswer {
  const [id = '', edge] = req.segments
  const isPage = id === ctx.pageId || id === 'me'
  if (edge === undefined && isPage) {
    const fields = (req.params.fields ?? 'id,name').split(',').map((f) => f.trim())
    const page: Record<string, string> = { id: ctx.pageId, name: ctx.pageName }
    const unknown = fields.find((f) => !(f in page))
    if (unknown)
      return errors.invalidParameter(
        `Tried accessing nonexisting field (${unknown}) on node type (Page)`,
      )
    return ok(Object.fromEntries(fields.map((f) => [f, page[f]])))
  }
  if (edge === 'published_posts' && isPage) return publishedPosts(req, ctx)
  if (edge === undefined) {
    const post = ctx.store.find(id)
    return post
      ? ok(postFields(post, ['id', 'message', 'created_time'], ctx.pageId))
      : errors.missingObject(id, 'get')
  }
  return isPage ? errors.unknownPath(`/${edge}`) : errors.missingObject(id, 'get')
}

function publishedPosts(req: ParsedGraphRequest, ctx: RouteContext): GraphAnswer {
  const fields = (req.params.fields ?? 'id,message,created_time').split(',').map((f) => f.trim())
  const unknown = fields.find((f) => !(POST_FIELDS as readonly string[]).includes(f))
  if (unknown)
    return errors.invalidParameter(
      `Tried accessing nonexisting field (${unknown}) on node type (PagePost)`,
    )
  const limit = Math.min(MAX_LIMIT, Math.max(1, Number(req.params.limit ?? 25) || 25))
  const start = req.params.after ? decodeCursor(req.params.after) : 0
  if (start === null) return errors.invalidParameter('Invalid cursor')
  const all = ctx.store.newestFirst()
  const slice = all.slice(start, start + limit)
  const body: Record<string, unknown> = {
    data: slice.map((post) => postFields(post, fields, ctx.pageId)),
  }
  if (slice.length > 0) {
    const paging: Record<string, unknown> = {
      cursors: { before: encodeCursor(start), after: encodeCursor(start + slice.length) },
    }
    if (start + slice.length < all.length) {
      const next = new URL(`${ctx.origin}/${req.version ?? 'v26.0'}/${ctx.pageId}/published_posts`)
      for (const [key, value] of Object.entries({
        ...req.params,
        after: encodeCursor(start + slice.length),
      })) {
        next.searchParams.set(key, value)
      }
      paging.next = next.href
    }
    body.paging = paging
  }
  return ok(body)
}

function postFields(
  post: FakePost,
  fields: readonly string[],
  pageId: string,
): Record<string, string> {
  const all: Record<string, string | undefined> = {
    id: post.id,
    message: post.message || undefined,
    permalink_url: `https://www.facebook.com/${pageId}/posts/${post.id.split('_')[1] ?? post.id}`,
    created_time: graphTime(post.createdTime),
  }
  const out: Record<string, string> = {}
  for (const field of fields) {
    const value = all[field]
    if (value !== undefined) out[field] = value
  }
  return out
}

function encodeCursor(index: number): string {
  return Buffer.from(`idx:${index}`).toString('base64url')
}

function decodeCursor(cursor: string): number | null {
  const match = /^idx:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString())
  return match ? Number(match[1]) : null
}

function ok(body: unknown): GraphAnswer {
  return { status: 200, body }
}
