import {
  type DeliveryError,
  PermanentDeliveryError,
  RateLimitedError,
  TransientDeliveryError,
} from '../errors'
import { type HttpResult, parseRetryAfter, raiseForStatus } from '../http'
import { scrubSecrets } from '../redact'
import type { GraphError } from './types'
import type { Usage } from './usage'

/**
 * How Graph API errors are judged: by the error code in the body, as Meta's guide says
 * (https://developers.facebook.com/docs/graph-api/guides/error-handling), not by the HTTP
 * status, which is 400 for most of them, throttling included.
 */

/** Throttling: the whole channel waits (Meta: "wait and retry … or check API request volume"). */
export const THROTTLE_CODES: ReadonlySet<number> = new Set([4, 17, 32, 613, 80001])
/** Outages and temporary blocks: worth another try later. */
const TRANSIENT_CODES: ReadonlySet<number> = new Set([1, 2, 341, 368])
const TRANSIENT_SUBCODES: ReadonlySet<number> = new Set([1390008])
/** The token is expired, revoked or invalid: only a new token helps. */
const TOKEN_CODES: ReadonlySet<number> = new Set([102, 190])

/** The duplicate-post error: Facebook refuses a message identical to one just posted. */
export const DUPLICATE_POST = 506

/** The Graph error in a response body, or null when the body is not one (a proxy's page …). */
export function parseGraphError(body: string): GraphError | null {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return null
  }
  if (typeof parsed !== 'object' || parsed === null) return null
  const error = (parsed as { error?: unknown }).error
  if (typeof error !== 'object' || error === null) return null
  const e = error as Record<string, unknown>
  const code = typeof e.code === 'number' ? e.code : Number(e.code)
  if (!Number.isInteger(code)) return null
  const graph: GraphError = {
    code,
    message: typeof e.message === 'string' ? e.message : `Graph API error ${code}`,
  }
  if (typeof e.type === 'string') graph.type = e.type
  const subcode = typeof e.error_subcode === 'number' ? e.error_subcode : Number(e.error_subcode)
  if (Number.isInteger(subcode)) graph.subcode = subcode
  if (typeof e.fbtrace_id === 'string') graph.fbtraceId = e.fbtrace_id
  if (typeof e.is_transient === 'boolean') graph.isTransient = e.is_transient
  return graph
}

/**
 * "The object does not exist": code 100 with subcode 33 (Meta's "Unsupported get/post/delete
 * request. Object with ID … does not exist"), or code 100 saying so without the subcode, as
 * some DELETE answers do.
 */
export function isMissingObject(graph: GraphError): boolean {
  if (graph.code !== 100) return false
  return graph.subcode === 33 || /does not exist|could not be (loaded|found)/i.test(graph.message)
}

export type FailureOptions = {
  /** The wait when Facebook throttles without saying for how long. */
  defaultPauseSeconds: number
}

/**
 * The delivery error for a failed Graph call. A body that is not a Graph error (a proxy's 502,
 * a 410 or 429 from something in between) is judged by its HTTP status, like any channel.
 */
export function graphFailure(
  result: HttpResult,
  usage: Usage,
  options: FailureOptions,
): DeliveryError {
  const graph = parseGraphError(result.body)
  if (!graph) {
    try {
      raiseForStatus(result)
    } catch (err) {
      return err as DeliveryError
    }
    return new TransientDeliveryError(`${where(result)}: unreadable answer`, {
      code: 'facebook-unreadable',
      statusCode: result.status,
    })
  }
  const message = describe(graph, result)
  const base = { statusCode: result.status, code: `facebook-${graph.code}` }
  const retryAfter = parseRetryAfter(
    result.headers.get('retry-after') ?? undefined,
    result.receivedAt,
  )

  if (THROTTLE_CODES.has(graph.code)) {
    return new RateLimitedError(message, {
      ...base,
      retryAfterSeconds: usage.regainSeconds ?? retryAfter ?? options.defaultPauseSeconds,
      pauseChannel: true,
    })
  }
  if (TOKEN_CODES.has(graph.code)) {
    return new PermanentDeliveryError(
      `The Facebook Page token was refused; make a new Page access token and set FACEBOOK_PAGE_TOKEN. ${message}`,
      { ...base, code: 'facebook-token' },
    )
  }
  if (graph.code === 10 || (graph.code >= 200 && graph.code <= 299)) {
    return new PermanentDeliveryError(
      `The Facebook Page token lacks a permission (pages_manage_posts, pages_read_engagement). ${message}`,
      { ...base, code: 'facebook-permission' },
    )
  }
  const transient =
    TRANSIENT_CODES.has(graph.code) ||
    (graph.subcode !== undefined && TRANSIENT_SUBCODES.has(graph.subcode)) ||
    (graph.code !== 100 && graph.code !== DUPLICATE_POST && graph.isTransient === true) ||
    (graph.code !== 100 && graph.code !== DUPLICATE_POST && result.status >= 500)
  if (transient)
    return new TransientDeliveryError(message, { ...base, retryAfterSeconds: retryAfter })
  return new PermanentDeliveryError(message, base)
}

/** "(#190) Error validating access token … [190/463, fbtrace_id …] (POST …/feed → 400)". */
function describe(graph: GraphError, result: HttpResult): string {
  const code = graph.subcode === undefined ? `${graph.code}` : `${graph.code}/${graph.subcode}`
  const trace = graph.fbtraceId ? `, fbtrace_id ${graph.fbtraceId}` : ''
  return `Facebook: ${scrubSecrets(graph.message)} [${code}${trace}] (${where(result)} → ${result.status})`
}

function where(result: HttpResult): string {
  return `${result.method} ${result.safeUrl}`
}
