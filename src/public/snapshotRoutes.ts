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
  cacheControl: string
}

export type SnapshotInput = {
  body: string | Buffer
  contentType: string
  lastModified?: Date
  cacheControl?: string
}

export class SnapshotRoutes {
  readonly #snapshots = new Map<string, Snapshot>()

  put(path: string, input: SnapshotInput): Snapshot {
    const body = typeof input.body === 'string' ? Buffer.from(input.body) : input.body
    const snapshot: Snapshot = {
      body,
      contentType: input.contentType,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      lastModified: input.lastModified ?? new Date(),
      cacheControl: input.cacheControl ?? 'public, max-age=60',
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

  /** Answers the request if a snapshot exists for its path; returns false to pass it on. */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    if (this.#snapshots.size === 0 || (req.method !== 'GET' && req.method !== 'HEAD')) return false
    const url = req.url ?? '/'
    const q = url.indexOf('?')
    const snapshot = this.#snapshots.get(q === -1 ? url : url.slice(0, q))
    if (!snapshot) return false
    res.setHeader('ETag', snapshot.etag)
    res.setHeader('Last-Modified', snapshot.lastModified.toUTCString())
    res.setHeader('Cache-Control', snapshot.cacheControl)
    if (isFresh(req, snapshot)) {
      res.statusCode = 304
      res.end()
      return true
    }
    res.setHeader('Content-Type', snapshot.contentType)
    res.setHeader('Content-Length', snapshot.body.length)
    res.statusCode = 200
    res.end(req.method === 'HEAD' ? undefined : snapshot.body)
    return true
  }
}

function isFresh(req: IncomingMessage, snapshot: Snapshot): boolean {
  const inm = req.headers['if-none-match']
  if (inm !== undefined) {
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
