import type { IncomingHttpHeaders } from 'node:http'

export type ParsedGraphRequest = {
  method: string
  /** `v26.0`, or null for an unversioned call (which the Graph API also answers). */
  version: string | null
  /** Path segments after the version: `['123', 'feed']`; `[]` for the root. */
  segments: string[]
  /** Query and body parameters together; the body wins, as on the Graph API. */
  params: Record<string, string>
  token: string | undefined
  /** A body the fake cannot read (multipart, broken JSON). */
  unreadable?: string
}

const VERSION = /^v\d+\.\d+$/

/**
 * A Graph request as the API reads it: an optional `/vNN.N` prefix, parameters from the query
 * string and from a form-encoded or JSON body, and the access token from the `access_token`
 * parameter or an `Authorization: Bearer|OAuth …` header.
 */
export function parseGraphRequest(
  method: string,
  rawUrl: string,
  headers: IncomingHttpHeaders,
  body: string,
): ParsedGraphRequest {
  const url = new URL(rawUrl, 'http://fake.invalid')
  const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent)
  const version = parts[0] !== undefined && VERSION.test(parts[0]) ? parts[0] : null
  const segments = version ? parts.slice(1) : parts
  const params: Record<string, string> = Object.fromEntries(url.searchParams)
  let unreadable: string | undefined

  const type = (headers['content-type'] ?? '').toLowerCase()
  if (body !== '') {
    if (type.includes('application/json')) {
      try {
        const parsed = JSON.parse(body) as Record<string, unknown>
        for (const [key, value] of Object.entries(parsed)) {
          params[key] = typeof value === 'string' ? value : JSON.stringify(value)
        }
      } catch {
        unreadable = 'the JSON body could not be parsed'
      }
    } else if (type.includes('application/x-www-form-urlencoded') || type === '') {
      for (const [key, value] of new URLSearchParams(body)) params[key] = value
    } else {
      unreadable = `the fake does not read ${type} bodies`
    }
  }

  const auth = headers.authorization?.match(/^(?:Bearer|OAuth)\s+(\S+)$/i)?.[1]
  const token = params.access_token ?? auth
  return { method: method.toUpperCase(), version, segments, params, token, unreadable }
}
