import { type ApiResult, CHANNEL_METHODS, SCOPE_NEEDED } from './slackMethods'
import type { SlackMode, SlackScripted } from './types'

/**
 * How the fake answers instead of (or after) doing the work:
 * - `api`: this status and body, the method does nothing;
 * - `hang`: read the request, never answer;
 * - `work-then`: do the work, then answer this status (created-then-500);
 * - `work-then-hang`: do the work, then never answer (the answer lost on the way back).
 */
export type Override =
  | { kind: 'api'; status: number; body: ApiResult; headers?: Record<string, string> }
  | { kind: 'hang' }
  | { kind: 'work-then'; status: number; body: ApiResult }
  | { kind: 'work-then-hang' }

const fail = (error: string, extra: Record<string, unknown> = {}): ApiResult => ({
  ok: false,
  error,
  ...extra,
})

const CREATED_THEN_500: Override = {
  kind: 'work-then',
  status: 500,
  body: fail('internal_error'),
}

/**
 * A scripted answer in Slack's shape. Slack reports almost every failure as HTTP 200 with
 * `ok: false`; only rate limits (429 + Retry-After) and its edge's own failures (5xx) use the
 * status. So: 400 → 200 `invalid_arguments`; 429 → 429 `ratelimited` + Retry-After; 5xx → that
 * status (with Retry-After when scripted); anything else Slack never sends (410 …) goes out raw,
 * for the adapter's plain-HTTP fallback; 2xx → the method works normally.
 */
export function scriptedOverride(entry: SlackScripted): Override | null {
  if ('timeout' in entry) return { kind: 'hang' }
  if ('createdThen500' in entry) return CREATED_THEN_500
  if ('error' in entry) {
    const extra = entry.needed ? { needed: entry.needed, provided: 'identify' } : {}
    return { kind: 'api', status: 200, body: fail(entry.error, extra) }
  }
  const { status } = entry
  const headers: Record<string, string> =
    entry.retryAfter === undefined ? {} : { 'Retry-After': String(entry.retryAfter) }
  if (status >= 200 && status <= 299) return null
  if (status === 400) return { kind: 'api', status: 200, body: fail('invalid_arguments') }
  if (status === 429) return { kind: 'api', status, body: fail('ratelimited'), headers }
  if (status >= 500) {
    const error = status === 503 ? 'service_unavailable' : 'internal_error'
    return { kind: 'api', status, body: fail(error), headers }
  }
  return { kind: 'api', status, body: fail(`http_${status}`), headers }
}

/** What a standing mode does to one call of `method`; null: the method works normally. */
export function modeOverride(mode: SlackMode, method: string, retryAfter: string): Override | null {
  const error = (code: string, extra?: Record<string, unknown>): Override => ({
    kind: 'api',
    status: 200,
    body: fail(code, extra),
  })
  switch (mode) {
    case 'normal':
      return null
    case 'created-then-500':
      return method === 'chat.postMessage' ? CREATED_THEN_500 : null
    case 'rate-limited':
      return {
        kind: 'api',
        status: 429,
        body: fail('ratelimited'),
        headers: { 'Retry-After': retryAfter },
      }
    case 'invalid-auth':
      return error('invalid_auth')
    case 'token-revoked':
      return error('token_revoked')
    case 'missing-scope':
      return error('missing_scope', { needed: SCOPE_NEEDED[method] ?? '', provided: 'identify' })
    case 'not-in-channel':
      // conversations.info still answers, with is_member: false (see slackMethods).
      return CHANNEL_METHODS.has(method) && method !== 'conversations.info'
        ? error('not_in_channel')
        : null
    case 'channel-not-found':
      return CHANNEL_METHODS.has(method) ? error('channel_not_found') : null
    case 'timeout':
      return { kind: 'hang' }
  }
}
