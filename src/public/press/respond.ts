import type { IncomingMessage, ServerResponse } from 'node:http'

/** Bytes built once and answered many times, with their validators. */
export type CachedBody = {
  body: Buffer
  etag: string
  lastModified: Date
  headers: Record<string, string>
}

/** A short plain-text answer (404, 405, 503), never the admin's HTML error page. */
export function sendText(res: ServerResponse, status: number, text: string): void {
  const body = Buffer.from(text.endsWith('\n') ? text : `${text}\n`)
  res.statusCode = status
  res.setHeader('Content-Type', 'text/plain; charset=utf-8')
  res.setHeader('Content-Length', body.length)
  res.setHeader('Cache-Control', 'no-store')
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.end(body)
}

/** If-None-Match wins over If-Modified-Since (RFC 9110, 13.2.2). */
export function isNotModified(req: IncomingMessage, etag: string, lastModified: Date): boolean {
  const inm = req.headers['if-none-match']
  if (inm !== undefined) {
    return inm.split(',').some((t) => {
      const tag = t.trim()
      return tag === '*' || tag === etag || tag === `W/${etag}`
    })
  }
  const ims = req.headers['if-modified-since']
  if (ims === undefined) return false
  const since = Date.parse(ims)
  return Number.isFinite(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since
}

/** Answers GET or HEAD from cached bytes, with 304 when the caller's copy is current. */
export function sendCached(req: IncomingMessage, res: ServerResponse, cached: CachedBody): void {
  for (const [name, value] of Object.entries(cached.headers)) res.setHeader(name, value)
  res.setHeader('ETag', cached.etag)
  res.setHeader('Last-Modified', cached.lastModified.toUTCString())
  if (isNotModified(req, cached.etag, cached.lastModified)) {
    res.statusCode = 304
    res.end()
    return
  }
  res.statusCode = 200
  res.setHeader('Content-Length', cached.body.length)
  res.end(req.method === 'HEAD' ? undefined : cached.body)
}
