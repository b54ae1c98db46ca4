import type { IncomingMessage } from 'node:http'

export type ParsedRequest = {
  /** `chat.postMessage` from `/api/chat.postMessage`; null for any other path. */
  method: string | null
  contentType: string
  /** Form fields and query string, or the JSON body's fields. */
  params: Record<string, unknown>
  /** From `Authorization: Bearer …`, or the `token` argument of a form or query. */
  token: string | undefined
  /** The body was declared JSON but is not: Slack answers `invalid_json`. */
  invalidJson: boolean
}

/**
 * Reads a Web API request the ways Slack accepts one: arguments as
 * `application/x-www-form-urlencoded` (what @slack/web-api sends, objects JSON-encoded into
 * fields) or `application/json`, plus the query string; the token as a bearer header, or as a
 * `token` argument except in JSON bodies, where Slack requires the header.
 */
export function parseSlackRequest(req: IncomingMessage, body: string): ParsedRequest {
  const url = new URL(req.url ?? '/', 'http://fake.invalid')
  const match = /^\/api\/([A-Za-z]+(?:\.[A-Za-z]+)+)$/.exec(url.pathname)
  const contentType = (req.headers['content-type'] ?? '').toLowerCase()
  const params: Record<string, unknown> = Object.fromEntries(url.searchParams)
  let invalidJson = false
  let tokenInBody = false
  if (contentType.startsWith('application/json')) {
    try {
      const parsed = body === '' ? {} : (JSON.parse(body) as unknown)
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
        Object.assign(params, parsed)
        tokenInBody = 'token' in parsed
      } else invalidJson = true
    } catch {
      invalidJson = true
    }
  } else if (body !== '') {
    Object.assign(params, Object.fromEntries(new URLSearchParams(body)))
  }
  const header = req.headers.authorization
  const bearer = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined
  const argument = !tokenInBody && typeof params.token === 'string' ? params.token : undefined
  delete params.token
  return {
    method: match?.[1] ?? null,
    contentType,
    params,
    token: bearer ?? argument,
    invalidJson,
  }
}
