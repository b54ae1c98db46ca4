import { type ServerResponse } from 'node:http'

const JSON_TYPE = 'application/json; charset=utf-8'

/**
 * Answers with an explicit Content-Length (so keep-alive works without chunking) and a JSON
 * Content-Type; 204/304 and `undefined` bodies go out empty. A no-op once the client is gone.
 */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.destroyed || res.headersSent) return
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
  if (status === 204 || status === 304 || body === undefined) {
    if (status !== 204 && status !== 304) res.setHeader('Content-Length', '0')
    res.writeHead(status).end()
    return
  }
  const text = JSON.stringify(body)
  res.setHeader('Content-Type', JSON_TYPE)
  res.setHeader('Content-Length', String(Buffer.byteLength(text)))
  res.writeHead(status).end(text)
}
