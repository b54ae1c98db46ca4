import {
  type FetchFunction,
  type Logger,
  LogLevel,
  type WebAPICallResult,
  WebClient,
} from '@slack/web-api'

import { TransientDeliveryError } from '../errors'
import { slackFailure } from './slackFailure'

export type SlackResult = WebAPICallResult & Record<string, unknown>

/** Calls one Web API method; rejects only with our error kinds (see `slackFailure`). */
export type SlackCall = (
  method: string,
  args: Record<string, unknown>,
  signal?: AbortSignal,
) => Promise<SlackResult>

export type SlackClientOptions = {
  token: string
  apiUrl: string
  /** Deadline for one call, the answer's body included. */
  timeoutMs: number
  /** When an answer arrived, for an HTTP-date Retry-After. */
  now: () => Date
}

/**
 * Web API calls through the official client, configured so that the ledger, not the client,
 * decides about retries:
 *
 * - `retryConfig: { retries: 0 }`: the client's default retries ten times over about half an
 *   hour, far beyond a delivery's lease, and a retried post is a duplicate post.
 * - `rejectRateLimitedCalls: true`: a 429 rejects at once instead of the client sleeping for
 *   Retry-After and pausing its queue; the outbox pauses the channel instead.
 * - `timeout`: the client's own per-request deadline (an `AbortSignal.timeout` on its fetch).
 * - The delivery's signal reaches the request through the client's `fetch` option, combined with
 *   that deadline. The client has no per-call signal, hence one client per call (cheap: no
 *   connection of its own, fetch pools connections). Nothing else in the client waits: with
 *   retries off and rate limits rejected there is no sleep, and its queue never fills with one
 *   request.
 */
export function slackCaller(options: SlackClientOptions): SlackCall {
  return async (method, args, signal) => {
    if (signal?.aborted) {
      const reason: unknown = signal.reason
      const why = reason instanceof Error && reason.message ? ` (${reason.message})` : ''
      throw new TransientDeliveryError(`Slack ${method}: cancelled before it was sent${why}`, {
        code: 'aborted',
      })
    }
    const client = new WebClient(options.token, {
      slackApiUrl: options.apiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      timeout: options.timeoutMs,
      allowAbsoluteUrls: false,
      logger: QUIET,
      fetch: signal ? withSignal(signal) : undefined,
    })
    try {
      return (await client.apiCall(method, args)) as SlackResult
    } catch (err) {
      throw slackFailure(err, { method, signal, now: options.now() })
    }
  }
}

/**
 * The client logs failed requests and Slack's `response_metadata` warnings to the console. Every
 * failure becomes a ledger entry with Slack's code and detail (see `slackFailure`), so the
 * console lines would only repeat them, once per attempt.
 */
const QUIET: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  setLevel: () => undefined,
  getLevel: () => LogLevel.ERROR,
  setName: () => undefined,
}

/** fetch that also stops when `signal` fires, next to the client's own deadline. */
function withSignal(signal: AbortSignal): FetchFunction {
  return (url, init) =>
    fetch(url, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal })
}
