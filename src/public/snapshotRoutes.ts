import type { IncomingMessage, ServerResponse } from 'node:http'
import { createHash } from 'node:crypto'

/**
 * Materialised public routes: bytes built ahead of time (feeds, signage playlists) and served
 * before Express or Next see the request. The channel adapters that own them replace a
 * snapshot whenever its content changes; serving is a map lookup and a conditional check.
 */
export type Snapshot = {
  body: Buffer
  contentType: string
  etag: string
  lastModified: Date
  /** `lastModified` as an HTTP date, formatted once rather than on every request. */
  lastModifiedHeader: string
  cacheControl: string
  /** `public`, or a rule the authorizer checks before anything is answered (see `Authorizer`). */
  access: string
  /** Orders versions of one path: a put with a lower generation is ignored. */
  generation: number
}

export type SnapshotInput = {
  body: string | Buffer
  contentType: string
  lastModified?: Date
  cacheControl?: string
  access?: string
  generation?: number
  /** Given when the snapshot was stored with one (it is the same hash); computed otherwise. */
  etag?: string
}

/** What the authorizer says about a request for a protected snapshot. */
export type AccessDecision = 'allow' | 'unauthenticated' | 'forbidden'

/**
 * Decides a request for a snapshot whose `access` is not `public`, e.g. `internal` (an API client
 * with the internal scope) or `screen:<id>`. Answer synchronously from a cache when possible: a
 * promise costs the fast path a tick.
 */
export type Authorizer = (
  req: IncomingMessage,
  access: string,
) => AccessDecision | Promise<AccessDecision>

const DENIED: Record<Exclude<AccessDecision, 'allow'>, { status: number; body: string }> = {
  unauthenticated: { status: 401, body: 'Krever API-nøkkel (Authorization: users API-Key …).\n' },
  forbidden: { status: 403, body: 'API-nøkkelen gir ikke tilgang til denne feeden.\n' },
}

export function etagOf(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`
}

export class SnapshotRoutes {
  readonly #snapshots = new Map<string, Snapshot>()
  readonly #notFound: { matches: (path: string) => boolean; body: string }[] = []
  #authorizer: Authorizer | undefined

  /**
   * Stores a snapshot for `path`, unless one with a higher generation is already there (a slow
   * rebuild finishing after a newer one). Returns the snapshot now served.
   */
  put(path: string, input: SnapshotInput): Snapshot {
    const current = this.#snapshots.get(path)
    const generation = input.generation ?? 0
    if (current && current.generation > generation) return current
    const body = typeof input.body === 'string' ? Buffer.from(input.body) : input.body
    const lastModified = input.lastModified ?? new Date()
    const snapshot: Snapshot = {
      body,
      contentType: input.contentType,
      etag: input.etag ?? etagOf(body),
      lastModified,
      lastModifiedHeader: lastModified.toUTCString(),
      cacheControl: input.cacheControl ?? 'public, max-age=60',
      access: input.access ?? 'public',
      generation,
    }
    this.#snapshots.set(path, snapshot)
    return snapshot
  }

  delete(path: string): void {
    this.#snapshots.delete(path)
  }

  get(path: string): Snapshot | undefined {
    return this.#snapshots.get(path)
  }

  paths(): string[] {
    return [...this.#snapshots.keys()]
  }

  /** Checks requests for snapshots whose access is not `public`; without one they get 403. */
  setAuthorizer(authorizer: Authorizer | undefined): void {
    this.#authorizer = authorizer
  }

  /**
   * GET/HEAD for a path this matches and no snapshot has answer 404 with `body` (text/plain),
   * e.g. every unknown `/feeds/…`, instead of going on to the admin's HTML 404 page.
   */
  notFoundFor(matches: (path: string) => boolean, body: string): void {
    this.#notFound.push({ matches, body })
  }

  /** Answers the request if a snapshot exists for its path; returns false to pass it on. */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false
    const url = req.url ?? '/'
    const q = url.indexOf('?')
    const path = q === -1 ? url : url.slice(0, q)
    const snapshot = this.#snapshots.get(path)
    if (!snapshot) return this.#serveNotFound(req, res, path)
    if (snapshot.access === 'public') {
      answer(req, res, snapshot)
      return true
    }
    const decision = this.#authorizer?.(req, snapshot.access) ?? 'forbidden'
    if (typeof decision === 'string') {
      answerProtected(req, res, snapshot, decision)
    } else {
      decision.then(
        (d) => answerProtected(req, res, snapshot, d),
        () => answerText(req, res, 503, 'Tilgangen kunne ikke sjekkes nå. Prøv igjen.\n'),
      )
    }
    return true
  }

  #serveNotFound(req: IncomingMessage, res: ServerResponse, path: string): boolean {
    if (this.#notFound.length === 0) return false
    const rule = this.#notFound.find((r) => r.matches(path))
    if (!rule) return false
    answerText(req, res, 404, rule.body)
    return true
  }
}

function answerProtected(
  req: IncomingMessage,
  res: ServerResponse,
  snapshot: Snapshot,
  decision: AccessDecision,
): void {
  res.setHeader('Vary', 'Authorization')
  if (decision === 'allow') return answer(req, res, snapshot)
  const denied = DENIED[decision]
  if (decision === 'unauthenticated') res.setHeader('WWW-Authenticate', 'API-Key realm="hub"')
  answerText(req, res, denied.status, denied.body)
}

function answer(req: IncomingMessage, res: ServerResponse, snapshot: Snapshot): void {
  res.setHeader('ETag', snapshot.etag)
  res.setHeader('Last-Modified', snapshot.lastModifiedHeader)
  res.setHeader('Cache-Control', snapshot.cacheControl)
  if (isFresh(req, snapshot)) {
    res.statusCode = 304
    res.end()
    return
  }
  res.setHeader('Content-Type', snapshot.contentType)
  res.setHeader('Content-Length', snapshot.body.length)
  res.statusCode = 200
  res.end(req.method === 'HEAD' ? undefined : snapshot.body)
}

function answerText(req: IncomingMessage, res: ServerResponse, status: number, text: string) {
  const body = Buffer.from(text)
  res.statusCode = status
  res.setHeader('Content-Type', 'text/plain; charset=utf-8')
  res.setHeader('Content-Length', body.length)
  res.setHeader('Cache-Control', 'no-store')
  res.end(req.method === 'HEAD' ? undefined : body)
}

function isFresh(req: IncomingMessage, snapshot: Snapshot): boolean {
  const inm = req.headers['if-none-match']
  if (inm !== undefined) {
    if (inm === snapshot.etag) return true
    return inm.split(',').some((tag) => {
      const t = tag.trim()
      return t === '*' || t === snapshot.etag || t === `W/${snapshot.etag}`
    })
  }
  const ims = req.headers['if-modified-since']
  if (ims !== undefined) {
    const since = Date.parse(ims)
    return (
      Number.isFinite(since) && Math.floor(snapshot.lastModified.getTime() / 1000) * 1000 <= since
    )
  }
  return false
}
