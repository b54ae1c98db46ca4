import type { GraphErrorSpec } from './types'

/**
 * Graph-shaped error answers (https://developers.facebook.com/docs/graph-api/guides/error-handling):
 * `{ error: { message, type, code, error_subcode, is_transient, fbtrace_id } }`. Statuses follow
 * what the Graph API sends: 400 for OAuth and parameter errors (throttling included), 403 for
 * permission errors (200–299), 500 for the unknown and service errors (1, 2).
 */

export type GraphAnswer = {
  status: number
  body: unknown
  headers?: Record<string, string>
  /** Not JSON: a proxy's page, sent as `text/html`. */
  html?: string
}

let trace = 0

/** Like Facebook's: opaque, different on every answer, useful to quote in a bug report. */
function fbtraceId(): string {
  trace += 1
  return `Afake${trace.toString(36).padStart(7, '0')}`
}

export function graphError(
  status: number,
  spec: GraphErrorSpec,
  headers?: Record<string, string>,
): GraphAnswer {
  return {
    status,
    body: { error: { type: 'OAuthException', ...spec, fbtrace_id: fbtraceId() } },
    headers,
  }
}

export const errors = {
  tokenMissing: () =>
    graphError(400, {
      code: 104,
      message: 'An access token is required to request this resource.',
    }),
  tokenInvalid: () =>
    graphError(400, {
      code: 190,
      message: 'Invalid OAuth access token - Cannot parse access token',
    }),
  tokenExpired: (at: Date) =>
    graphError(400, {
      code: 190,
      error_subcode: 463,
      message: `Error validating access token: Session has expired on ${at.toUTCString()}.`,
    }),
  missingObject: (id: string, method: string) =>
    graphError(400, {
      code: 100,
      error_subcode: 33,
      type: 'GraphMethodException',
      message: `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
    }),
  invalidParameter: (message: string) =>
    graphError(400, { code: 100, message: `(#100) ${message}` }),
  unknownPath: (path: string) =>
    graphError(400, { code: 2500, message: `Unknown path components: ${path}` }),
  permission: () =>
    graphError(403, {
      code: 200,
      message:
        '(#200) If posting to a page, requires both pages_read_engagement and pages_manage_posts permission with page token',
    }),
  duplicate: () =>
    graphError(400, {
      code: 506,
      message: 'Duplicate status message',
      error_user_title: 'Duplicate Status Update',
      error_user_msg: 'This status update is identical to the last one you posted.',
    }),
  unexpected: (status = 500) =>
    graphError(status, {
      code: 2,
      type: 'OAuthException',
      is_transient: true,
      message: 'An unexpected error has occurred. Please retry your request later.',
    }),
  throttled: (code: number, status: number, headers: Record<string, string>) =>
    graphError(
      status,
      {
        code,
        is_transient: true,
        message:
          THROTTLE_MESSAGES[code] ?? `(#${code}) Calls to this api have exceeded the rate limit.`,
      },
      headers,
    ),
}

const THROTTLE_MESSAGES: Record<number, string> = {
  4: '(#4) Application request limit reached',
  17: '(#17) User request limit reached',
  32: '(#32) Page request limit reached',
  613: '(#613) Calls to this api have exceeded the rate limit.',
  80001:
    '(#80001) There have been too many calls to this Page account. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.',
}

/**
 * The conformance suite's plain statuses in Graph terms: the statuses the Graph API itself uses
 * get its error bodies (500/502/503/504 → code 2, 400 → code 100, 401 → 190, 403 → 200); others
 * (410, 429 …) never come from the Graph API, so they come as a proxy in between would send
 * them, an HTML page, and the adapter falls back on the status.
 */
export function scriptedStatus(status: number, retryAfter?: string | number): GraphAnswer {
  const headers: Record<string, string> = {}
  if (retryAfter !== undefined) headers['Retry-After'] = String(retryAfter)
  const withHeaders = (answer: GraphAnswer): GraphAnswer => ({ ...answer, status, headers })
  if (status >= 500 && status <= 504) return withHeaders(errors.unexpected(status))
  if (status === 400) return withHeaders(errors.invalidParameter('Invalid parameter'))
  if (status === 401) return withHeaders(errors.tokenInvalid())
  if (status === 403) return withHeaders(errors.permission())
  return { status, body: null, headers, html: `<html><body><h1>${status}</h1></body></html>` }
}
