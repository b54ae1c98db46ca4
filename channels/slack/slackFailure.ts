import { ErrorCode } from '@slack/web-api'

import {
  type DeliveryError,
  EndpointGoneError,
  PermanentDeliveryError,
  RateLimitedError,
  TransientDeliveryError,
} from '../errors'
import { classifyResponse, type HeaderLookup } from '../http'
import { networkReason } from '../networkReason'
import { scrubSecrets } from '../redact'

/**
 * `ok:false` codes that are worth another try. `internal_error` and `fatal_error` are also
 * ambiguous: Slack says "it's possible some aspect of the operation succeeded", which is why a
 * retried post first asks `find`.
 */
const TRANSIENT = new Set([
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'team_added_to_org',
])

/** Rate limits as an `ok:false` body (normally they come as HTTP 429, see below). */
const RATE_LIMITED = new Set(['ratelimited', 'rate_limited'])

/** What an operator can do about the permanent codes we expect; others get Slack's code alone. */
const HINTS: Record<string, string> = {
  invalid_auth: 'the token is not valid; set a new bot token in SLACK_BOT_TOKEN',
  not_authed: 'no token was sent; set SLACK_BOT_TOKEN',
  account_inactive: 'the bot or workspace is deactivated; reinstall the app',
  token_revoked: 'the token was revoked; reinstall the app and set the new SLACK_BOT_TOKEN',
  token_expired: 'the token expired; set a new SLACK_BOT_TOKEN',
  channel_not_found: 'the channel does not exist or the bot cannot see it; check SLACK_CHANNEL',
  not_in_channel: 'the bot is not a member of the channel; add it with /invite in the channel',
  is_archived: 'the channel is archived; unarchive it or choose another SLACK_CHANNEL',
  msg_too_long: 'the message is too long for Slack',
  invalid_blocks: 'Slack refused the Block Kit layout',
  missing_scope: 'the bot token lacks a permission; add the scope and reinstall the app',
  invalid_arguments: 'Slack refused the request arguments',
  cant_update_message: 'the message was not posted by this bot',
  message_not_found: 'the message no longer exists in Slack (someone deleted it?)',
}

export type FailureContext = {
  /** The Web API method, for the message: `chat.postMessage`. */
  method: string
  /** The delivery's signal: when it fired, the failure is a cancellation whatever the client says. */
  signal?: AbortSignal
  /** When the answer arrived, for an HTTP-date Retry-After. */
  now: Date
}

/**
 * The one place where `@slack/web-api`'s errors become ours. Recognised by `code` rather than
 * `instanceof`, like our own kinds, so a second copy of the package cannot slip past.
 *
 * - `slack_webapi_platform_error`: an `ok:false` answer, judged by Slack's error code.
 * - `slack_webapi_rate_limited_error`: HTTP 429 with Retry-After (`rejectRateLimitedCalls`).
 *   Slack's limits are per method per workspace, so the whole channel pauses.
 * - `slack_webapi_http_error`: any other non-200 status, judged like every channel's HTTP.
 * - `slack_webapi_request_error`: no answer (refused, reset, timed out).
 */
export function slackFailure(err: unknown, ctx: FailureContext): DeliveryError {
  const where = `Slack ${ctx.method}`
  if (isOurs(err)) return err
  if (ctx.signal?.aborted) {
    const reason: unknown = ctx.signal.reason
    const why = reason instanceof Error && reason.message ? ` (${reason.message})` : ''
    return new TransientDeliveryError(`${where}: cancelled before the answer arrived${why}`, {
      code: 'aborted',
      cause: err,
    })
  }
  const e = (typeof err === 'object' && err !== null ? err : {}) as Record<string, unknown>
  switch (e.code) {
    case ErrorCode.PlatformError:
      return platformFailure(where, e.data)
    case ErrorCode.RateLimitedError:
      return new RateLimitedError(`${where}: rate limited by Slack (HTTP 429)`, {
        code: 'slack-ratelimited',
        statusCode: 429,
        retryAfterSeconds: typeof e.retryAfter === 'number' ? e.retryAfter : undefined,
        pauseChannel: true,
        cause: err,
      })
    case ErrorCode.HTTPError:
      return httpFailure(where, e, ctx.now, err)
    case ErrorCode.RequestError:
      return requestFailure(where, e.original ?? err)
  }
  const message = err instanceof Error ? err.message : String(err)
  // A 429 whose Retry-After the client could not read arrives as a plain Error.
  if (/^Retry header did not contain a valid timeout/.test(message)) {
    return new RateLimitedError(`${where}: rate limited by Slack (HTTP 429)`, {
      code: 'slack-ratelimited',
      statusCode: 429,
      pauseChannel: true,
      cause: err,
    })
  }
  // Reading the body happens outside the client's own error handling.
  return requestFailure(where, err)
}

function platformFailure(where: string, data: unknown): DeliveryError {
  const body = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>
  const error = typeof body.error === 'string' ? body.error : 'unknown_error'
  const code = `slack-${error}`
  if (RATE_LIMITED.has(error)) {
    const meta = body.response_metadata as { retryAfter?: unknown } | undefined
    const retryAfter = typeof meta?.retryAfter === 'number' ? meta.retryAfter : undefined
    return new RateLimitedError(`${where}: ${error}`, {
      code,
      retryAfterSeconds: retryAfter,
      pauseChannel: true,
    })
  }
  if (TRANSIENT.has(error)) return new TransientDeliveryError(`${where}: ${error}`, { code })
  const needed = typeof body.needed === 'string' ? ` (needs ${body.needed})` : ''
  const hint = HINTS[error]
  // invalid_blocks says where: "must be less than 151 characters [json-pointer:/blocks/0/…]".
  const details = Array.isArray(body.errors) ? body.errors.filter((e) => typeof e === 'string') : []
  const detail = details.length > 0 ? `: ${details.slice(0, 3).join('; ')}` : ''
  const message = `${where}: ${scrubSecrets(error)}${needed}${hint ? ` – ${hint}` : ''}${detail}`
  return new PermanentDeliveryError(message, { code })
}

function httpFailure(
  where: string,
  e: Record<string, unknown>,
  now: Date,
  cause: unknown,
): DeliveryError {
  const status = typeof e.statusCode === 'number' ? e.statusCode : 0
  const headers = (
    typeof e.headers === 'object' && e.headers !== null ? e.headers : {}
  ) as HeaderLookup
  const verdict = classifyResponse(status, headers, now)
  const message = `${where} answered HTTP ${status}`
  const base = { code: `http-${status}`, statusCode: status, cause }
  switch (verdict.kind) {
    case 'gone':
      return new EndpointGoneError(message, base)
    case 'permanent':
      return new PermanentDeliveryError(message, base)
    case 'rate-limited':
      return new RateLimitedError(message, {
        ...base,
        retryAfterSeconds: verdict.retryAfterSeconds,
        pauseChannel: true,
      })
    case 'ok':
    case 'transient':
      return new TransientDeliveryError(message, {
        ...base,
        retryAfterSeconds: verdict.kind === 'transient' ? verdict.retryAfterSeconds : undefined,
      })
  }
}

function requestFailure(where: string, original: unknown): DeliveryError {
  const name = original instanceof Error ? original.name : ''
  if (name === 'TimeoutError') {
    return new TransientDeliveryError(`${where}: no answer in time`, {
      code: 'timeout',
      cause: original,
    })
  }
  return new TransientDeliveryError(`${where}: ${scrubSecrets(networkReason(original))}`, {
    code: 'network',
    cause: original,
  })
}

/** Already one of our kinds: recognised by the registered symbol `errors.ts` marks them with. */
function isOurs(err: unknown): err is DeliveryError {
  return (
    typeof err === 'object' &&
    err !== null &&
    Symbol.for('modum-content-hub.channels.failureKind') in err
  )
}
