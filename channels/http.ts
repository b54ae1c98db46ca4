import { EventEmitter } from 'node:events'
import { STATUS_CODES } from 'node:http'
import type { Readable } from 'node:stream'

import { Agent, request as undiciRequest } from 'undici'

import { now } from '../src/clock'
import {
  EndpointGoneError,
  PermanentDeliveryError,
  RateLimitedError,
  TransientDeliveryError,
} from './errors'
import { boundedMemo } from './boundedMemo'
import { networkReason } from './networkReason'
import { parseRetryAfter } from './parseRetryAfter'
import { bodyExcerpt, safeUrl, scrubSecrets } from './redact'

export { parseRetryAfter, MAX_RETRY_AFTER_SECONDS } from './parseRetryAfter'

/**
 * HTTP for adapters: one call with a hard deadline, a bounded body, and failures turned into the
 * error kinds the outbox acts on. Adapters call `sendHttp`, then `raiseForStatus` (or
 * `classifyResponse` when a channel gives some status its own meaning, such as 404 on retract).
 */

export const DEFAULT_TIMEOUT_MS = 15_000
export const MAX_BODY_BYTES = 64 * 1024

const USER_AGENT = 'modum-content-hub'

/**
 * undici's `request` rather than `fetch`: measured here, fetch spends ~0.9 ms of CPU per webhook
 * POST (web streams, Headers validation) against ~0.24 ms for `request` on the same connection
 * pool, and the worker's CPU is what bounds delivery throughput. One pool per process, kept
 * alive between deliveries.
 */
const agent = new Agent({ keepAliveTimeout: 10_000 })

export type HttpRequest = {
  url: string | URL
  /** Default GET. */
  method?: string
  /** Credentials go here; they never appear in results, errors or the ledger. */
  headers?: Record<string, string>
  /** A URLSearchParams body is sent as a form (`application/x-www-form-urlencoded`). */
  body?: string | URLSearchParams
  /** Deadline for the whole exchange, body included. Default 15 s. */
  timeoutMs?: number
  /** The delivery's signal: aborting it cancels the request. */
  signal?: AbortSignal
  /** Bytes of response body kept; the rest is discarded unread. Default 64 KiB. */
  maxBodyBytes?: number
}

export type HttpResult = {
  status: number
  headers: ResponseHeaders
  /** Decoded as UTF-8, at most `maxBodyBytes` of it. */
  body: string
  bodyTruncated: boolean
  durationMs: number
  /** When the response arrived, by the hub clock: the "now" for an HTTP-date Retry-After. */
  receivedAt: Date
  method: string
  /** The request URL without credentials, query or secret-looking path segments. */
  safeUrl: string
}

/**
 * Sends one request. Resolves with any HTTP status (judge it with `raiseForStatus`); rejects only
 * with `TransientDeliveryError` (timeout `timeout`, cancelled `aborted`, no connection `network`)
 * or, for a URL that can never work, `PermanentDeliveryError` (`invalid-url`).
 */
export async function sendHttp(request: HttpRequest): Promise<HttpResult> {
  const method = (request.method ?? 'GET').toUpperCase()
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const { url, shownUrl } = checkedUrl(request.url, method)
  const where = `${method} ${shownUrl}`

  const external = request.signal
  if (external?.aborted) throw aborted(where, external)
  // undici takes an EventEmitter as the signal too: far cheaper to make than an AbortController,
  // and this runs for every delivery.
  const cancel = new EventEmitter()
  let timedOut = false
  let headersReceived = false
  const timer = setTimeout(() => {
    timedOut = true
    cancel.emit('abort')
  }, timeoutMs)
  const onAbort = () => cancel.emit('abort')
  external?.addEventListener('abort', onAbort, { once: true })

  const started = performance.now()
  try {
    const { body, contentType } = encodeBody(request.body)
    const headers: Record<string, string> = { 'user-agent': USER_AGENT }
    if (contentType) headers['content-type'] = contentType
    for (const [name, value] of Object.entries(request.headers ?? {})) {
      headers[name.toLowerCase()] = value
    }
    // Redirects are never followed (undici's request does not): a redirected POST would turn
    // into a GET without a body that a receiver answers 200 to. The 3xx is reported instead.
    const response = await undiciRequest(url, {
      method,
      headers,
      body,
      signal: cancel,
      dispatcher: agent,
    })
    headersReceived = true
    const { text, truncated } = await readCapped(
      response.body,
      request.maxBodyBytes ?? MAX_BODY_BYTES,
    )
    return {
      status: response.statusCode,
      headers: toHeaders(response.headers),
      body: text,
      bodyTruncated: truncated,
      durationMs: Math.round(performance.now() - started),
      receivedAt: now(),
      method,
      safeUrl: shownUrl,
    }
  } catch (err) {
    if (timedOut) {
      const what = headersReceived ? 'response body not complete' : 'no response'
      throw new TransientDeliveryError(`${where}: ${what} within ${duration(timeoutMs)}`, {
        code: 'timeout',
        cause: err,
      })
    }
    if (external?.aborted) throw aborted(where, external, err)
    throw new TransientDeliveryError(`${where}: ${scrubSecrets(networkReason(err))}`, {
      code: 'network',
      cause: err,
    })
  } finally {
    clearTimeout(timer)
    external?.removeEventListener('abort', onAbort)
  }
}

export type HeaderLookup = ResponseHeaders | Readonly<Record<string, string | string[] | undefined>>

export type ResponseClass =
  | { kind: 'ok' }
  | { kind: 'transient' | 'rate-limited'; retryAfterSeconds?: number }
  | { kind: 'permanent' | 'gone' }

/**
 * What a status means for a delivery. 2xx delivered; 408, 425, 429 and 5xx worth retrying (429
 * as a rate limit), with the receiver's Retry-After; 410 gone; any other 3xx/4xx permanent.
 * `now` is when the response arrived (pure: no clock read here).
 */
export function classifyResponse(status: number, headers: HeaderLookup, now: Date): ResponseClass {
  if (status >= 200 && status <= 299) return { kind: 'ok' }
  if (status === 410) return { kind: 'gone' }
  if (status === 408 || status === 425 || status === 429 || (status >= 500 && status <= 599)) {
    const kind = status === 429 ? 'rate-limited' : 'transient'
    const retryAfterSeconds = parseRetryAfter(headerValue(headers, 'retry-after'), now)
    return retryAfterSeconds === undefined ? { kind } : { kind, retryAfterSeconds }
  }
  if (status >= 300 && status <= 499) return { kind: 'permanent' }
  // 1xx or out of range: the other side is confused, which tends to pass.
  return { kind: 'transient' }
}

export type RaiseOptions = {
  /**
   * Whether a 429 holds back the whole channel (default) or only this delivery. Pass false where
   * targets are independent receivers, e.g. website webhook subscribers.
   */
  pauseChannelOnRateLimit?: boolean
}

/** Returns the result when it is 2xx, else throws the error kind its status calls for. */
export function raiseForStatus(result: HttpResult, options: RaiseOptions = {}): HttpResult {
  const verdict = classifyResponse(result.status, result.headers, result.receivedAt)
  if (verdict.kind === 'ok') return result
  const message = describeFailure(result)
  const base = { statusCode: result.status, code: `http-${result.status}` }
  switch (verdict.kind) {
    case 'gone':
      throw new EndpointGoneError(message, base)
    case 'permanent':
      throw new PermanentDeliveryError(message, base)
    case 'rate-limited':
      throw new RateLimitedError(message, {
        ...base,
        retryAfterSeconds: verdict.retryAfterSeconds,
        pauseChannel: options.pauseChannelOnRateLimit ?? true,
      })
    case 'transient':
      throw new TransientDeliveryError(message, {
        ...base,
        retryAfterSeconds: verdict.retryAfterSeconds,
      })
  }
}

/** "POST https://host/path answered 404 Not Found: <start of the body>", for the ledger. */
export function describeFailure(result: HttpResult): string {
  const reason = STATUS_CODES[result.status]
  let message = `${result.method} ${result.safeUrl} answered ${result.status}${reason ? ` ${reason}` : ''}`
  const location = result.headers.get('location')
  if (result.status >= 300 && result.status <= 399 && location) {
    message += ` (redirect to ${redirectTarget(location, result.safeUrl)} not followed; update the URL)`
  }
  const excerpt = bodyExcerpt(result.body, result.headers.get('content-type'))
  return excerpt ? `${message}: ${excerpt}` : message
}

/**
 * Parsed and checked URLs by method and text: a webhook's endpoint is posted to again and again.
 * The URL is shared between requests; undici only reads it.
 */
const checkedUrlText = boundedMemo((key) => {
  const space = key.indexOf(' ')
  const url = parseUrl(key.slice(space + 1), key.slice(0, space))
  return { url, shownUrl: safeUrl(url) }
})

function checkedUrl(raw: string | URL, method: string): { url: URL; shownUrl: string } {
  if (typeof raw === 'string') return checkedUrlText(`${method} ${raw}`)
  const url = parseUrl(raw, method)
  return { url, shownUrl: safeUrl(url) }
}

function parseUrl(raw: string | URL, method: string): URL {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new PermanentDeliveryError(`${method}: not a valid URL`, { code: 'invalid-url' })
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new PermanentDeliveryError(`${method} ${safeUrl(url)}: only http and https URLs work`, {
      code: 'invalid-url',
    })
  }
  if (url.username || url.password) {
    // fetch refuses these anyway, and its error would quote them.
    throw new PermanentDeliveryError(
      `${method} ${safeUrl(url)}: credentials in the URL are not supported; send them in a header`,
      { code: 'invalid-url' },
    )
  }
  return url
}

function aborted(where: string, signal: AbortSignal, cause?: unknown): TransientDeliveryError {
  const reason: unknown = signal.reason
  const why = reason instanceof Error && reason.message ? ` (${reason.message})` : ''
  return new TransientDeliveryError(`${where}: cancelled before the response arrived${why}`, {
    code: 'aborted',
    cause: cause ?? reason,
  })
}

/** Reads at most `max` bytes and drops the rest, so a huge or endless body cannot flood memory. */
async function readCapped(
  body: Readable,
  max: number,
): Promise<{ text: string; truncated: boolean }> {
  const chunks: Buffer[] = []
  let size = 0
  let truncated = false
  for await (const chunk of body as AsyncIterable<Buffer>) {
    const room = max - size
    if (chunk.byteLength > room) {
      chunks.push(chunk.subarray(0, room))
      size += room
      truncated = true
      body.destroy()
      break
    }
    chunks.push(chunk)
    size += chunk.byteLength
  }
  // `stream: true` drops a multi-byte character cut in half at the cap instead of mangling it.
  const text = new TextDecoder('utf-8').decode(Buffer.concat(chunks), { stream: truncated })
  return { text, truncated }
}

function encodeBody(body: HttpRequest['body']): { body?: string; contentType?: string } {
  if (body instanceof URLSearchParams) {
    return { body: body.toString(), contentType: 'application/x-www-form-urlencoded;charset=UTF-8' }
  }
  return { body }
}

/** A response's headers, read like `Headers` (names in any case, repeated values joined). */
export type ResponseHeaders = { get: (name: string) => string | null }

/** A lookup over the raw headers: building a `Headers` for every response cost more than reading it. */
function toHeaders(raw: Record<string, string | string[] | undefined>): ResponseHeaders {
  return {
    get: (name) => {
      const value = raw[name.toLowerCase()]
      if (value === undefined) return null
      return Array.isArray(value) ? value.join(', ') : value
    },
  }
}

function isLookup(headers: HeaderLookup): headers is ResponseHeaders {
  return typeof headers.get === 'function'
}

function headerValue(headers: HeaderLookup, name: string): string | undefined {
  if (isLookup(headers)) return headers.get(name) ?? undefined
  const raw: Readonly<Record<string, string | string[] | undefined>> = headers
  for (const [key, value] of Object.entries(raw)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? value[0] : value
  }
  return undefined
}

function redirectTarget(location: string, base: string): string {
  try {
    return safeUrl(new URL(location, base))
  } catch {
    return 'an invalid URL'
  }
}

function duration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`
}
