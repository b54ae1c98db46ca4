import { type IncomingHttpHeaders } from 'node:http'

/**
 * One scripted answer, consumed (first in, first out) by the next request whose signature
 * verifies. Shapes the tests use:
 *
 * - `{ status: 500 }` — plain failure.
 * - `{ status: 429, retryAfter: '2' }` — sets the `Retry-After` header.
 * - `{ status: 410 }` — "gone": the sender should disable the endpoint.
 * - `{ timeout: true }` — accept the request and never answer until the server closes.
 * - `{ status: 200, thenFail: true }` — "created-then-500": the delivery is recorded as
 *   accepted (the receiver processed it) but the answer is 500.
 */
export interface ScriptedResponse {
  /** Status to answer with (default 200). With `thenFail` it is the status the receiver "meant". */
  status?: number
  /** Sets the `Retry-After` header (seconds or an HTTP date). */
  retryAfter?: string | number
  /** JSON body to answer with; by default `{ ok: true }` for 2xx and `{ error }` otherwise. */
  body?: unknown
  /** Extra response headers. */
  headers?: Record<string, string>
  /** Never answer; the socket is destroyed by `close()` (or the client gives up). */
  timeout?: boolean
  /** Record the delivery as accepted, then answer `failStatus` (default 500). */
  thenFail?: boolean
  failStatus?: number
  /** Extra latency for this answer only, added to the receiver's `latencyMs`. */
  delayMs?: number
}

/** Failure modes the seeded random failure picks among. */
export type FailureMode = 'error500' | 'rateLimited' | 'timeout' | 'createdThen500'

export type FailureWeights = Record<FailureMode, number>

/** What the receiver did with a request; `null` status means it never answered. */
export type Outcome =
  'ok' | 'scripted' | FailureMode | 'unauthorized' | 'badRequest' | 'methodNotAllowed' | 'tooLarge'

export interface RecordedRequest {
  /** 1-based arrival order since start or the last `reset()`. */
  seq: number
  method: string
  /** Request target as sent, query string included. */
  path: string
  headers: IncomingHttpHeaders
  rawBody: string
  /** Parsed JSON body, `undefined` when empty, not JSON or not read (413). */
  body: unknown
  /** The Standard Webhooks signature verified against one of the configured secrets. */
  verified: boolean
  /** Index into `secrets` of the first secret that verified, `null` when none did. */
  secretIndex: number | null
  /** Why verification (or parsing) failed. */
  error?: string
  webhookId: string | undefined
  /** `type` field of a Standard Webhooks payload (`{ type, timestamp, data }`). */
  eventType: string | undefined
  /** The receiver processed the delivery (2xx answers and created-then-500). */
  accepted: boolean
  outcome: Outcome
  /** Status sent, or `null` while/when the request hangs. */
  status: number | null
  receivedAt: Date
  /** The sender's port: which process sent it, for tests that need to know (see /proc/net/tcp). */
  remotePort: number | undefined
}

export interface WebsiteReceiverOptions {
  /** One or more `whsec_…` secrets; a request verifies if ANY of them verifies. */
  secrets: string | readonly string[]
  /** Default 0 (ephemeral). Always binds 127.0.0.1. */
  port?: number
  /** Answer for deliveries that are neither scripted nor randomly failed: 200 `{ ok: true }` or 204. */
  successStatus?: 200 | 204
  /** Probability (0..1) that an unscripted, verified request fails. Default 0. */
  failureRate?: number
  /** Seed for the failure PRNG; the same seed gives the same sequence. Default 1. */
  seed?: number
  /** Relative weights of the random failure modes; missing modes weigh 0. Default: all 1. */
  failureWeights?: Partial<FailureWeights>
  /**
   * Random failures per `webhook-id` at most; later attempts with that id succeed. Keeps a long
   * randomly failing run from exhausting a sender's retries. Default: no limit.
   */
  maxFailuresPerId?: number
  /** `Retry-After` value for random 429s. Default `'1'`. */
  retryAfter?: string
  /** Artificial latency before answering (timers, so other requests are not blocked). */
  latencyMs?: number | ((request: RecordedRequest) => number)
  /** Request bodies larger than this get 413. Default 1 MiB. */
  maxBodyBytes?: number
}

export interface CountOptions {
  /** Count requests whose signature did not verify too. Default false. */
  includeUnverified?: boolean
}
