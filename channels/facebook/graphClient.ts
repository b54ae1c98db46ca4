import { type DeliveryError, RateLimitedError, TransientDeliveryError } from '../errors'
import { type HttpResult, sendHttp } from '../http'
import type { FacebookSettings } from './facebookConfig'
import { graphFailure, parseGraphError } from './graphError'
import type { GraphError } from './types'
import { readUsage, type UsageGate } from './usage'

export type GraphParams = Record<string, string | number | boolean | undefined>

export type GraphAnswer =
  | { ok: true; data: Record<string, unknown>; result: HttpResult }
  | { ok: false; graph: GraphError | null; failure: DeliveryError; result: HttpResult }

export type GraphClient = {
  /**
   * One Graph call. Resolves with the answer either way, so callers can give an error code its
   * own meaning (506, "does not exist"); rejects only when nothing usable came back (timeout,
   * no connection, cancelled) or when the usage gate holds calls back.
   */
  send(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    params: GraphParams,
    signal: AbortSignal,
  ): Promise<GraphAnswer>
  /** Like `send`, but throws the classified error unless the answer is a success. */
  call(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    params: GraphParams,
    signal: AbortSignal,
  ): Promise<Record<string, unknown>>
}

export type GraphClientOptions = {
  settings: FacebookSettings
  timeoutMs: number
  now: () => Date
  gate: UsageGate
  defaultPauseSeconds: number
}

/**
 * The Graph API over `sendHttp`. The token travels as the documented `access_token` parameter
 * (form body for POST, query otherwise); `sendHttp` never quotes queries and `scrubSecrets`
 * masks `access_token=…` anywhere else, so it stays out of the ledger.
 */
export function createGraphClient(options: GraphClientOptions): GraphClient {
  const { settings, gate } = options
  const base = `${settings.graphUrl}/${settings.apiVersion}`

  async function send(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    params: GraphParams,
    signal: AbortSignal,
  ): Promise<GraphAnswer> {
    const wait = gate.remainingSeconds(options.now())
    if (wait > 0) {
      throw new RateLimitedError(`Facebook usage is at its limit; no calls for another ${wait} s`, {
        code: 'facebook-usage',
        retryAfterSeconds: wait,
        pauseChannel: true,
      })
    }
    const form = new URLSearchParams()
    for (const [key, value] of Object.entries(params)) {
      if (value !== undefined) form.set(key, String(value))
    }
    form.set('access_token', settings.pageToken)
    const url = new URL(`${base}/${path.replace(/^\/+/, '')}`)
    if (method !== 'POST') for (const [key, value] of form) url.searchParams.set(key, value)
    const result = await sendHttp({
      url,
      method,
      body: method === 'POST' ? form : undefined,
      timeoutMs: options.timeoutMs,
      signal,
    })
    const usage = readUsage(result.headers)
    if (result.status >= 200 && result.status <= 299) {
      gate.observe(usage, options.now())
      const data = parseObject(result.body)
      if (data) return { ok: true, data, result }
      // Ambiguous: the call may have done its work. Transient, so a retry looks first.
      const failure = new TransientDeliveryError(
        `Facebook: ${result.method} ${result.safeUrl} answered ${result.status} with an unreadable body`,
        { code: 'facebook-unreadable', statusCode: result.status },
      )
      return { ok: false, graph: null, failure, result }
    }
    const failure = graphFailure(result, usage, options)
    if (failure instanceof RateLimitedError && failure.retryAfterSeconds !== undefined) {
      gate.holdFor(options.now(), failure.retryAfterSeconds)
    }
    return { ok: false, graph: parseGraphError(result.body), failure, result }
  }

  return {
    send,
    async call(method, path, params, signal) {
      const answer = await send(method, path, params, signal)
      if (!answer.ok) throw answer.failure
      return answer.data
    },
  }
}

function parseObject(body: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(body)
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null
  } catch {
    return null
  }
}
