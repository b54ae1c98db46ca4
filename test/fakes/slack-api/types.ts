import type { ScriptedAnswer } from '../../channels/conformanceFake'

/**
 * Standing behaviours of the fake workspace, until `setMode` changes them. Each reproduces what
 * Slack answers in that situation (see README.md for the method each one affects).
 */
export type SlackMode =
  | 'normal'
  /** chat.postMessage stores the message, then answers HTTP 500. */
  | 'created-then-500'
  /** Every method answers HTTP 429 with Retry-After. */
  | 'rate-limited'
  /** Every method: `invalid_auth` (a token Slack does not know). */
  | 'invalid-auth'
  /** Every method: `token_revoked` (the app was uninstalled or the token revoked). */
  | 'token-revoked'
  /** Every method: `missing_scope` with `needed` and `provided`. */
  | 'missing-scope'
  /** Channel methods: `not_in_channel`; conversations.info reports `is_member: false`. */
  | 'not-in-channel'
  /** Channel methods: `channel_not_found`. */
  | 'channel-not-found'
  /** Every method: the request is read and never answered. */
  | 'timeout'

/**
 * One scripted answer, consumed in order by the next authentic request (the right token) whose
 * method matches `method` (any method when absent). Besides the conformance suite's HTTP
 * statuses and timeouts (translated into Slack's shapes, see README.md):
 * - `{ error: 'message_not_found' }`: HTTP 200 `{ ok: false, error }`;
 * - `{ createdThen500: true }`: the method does its work, then answers HTTP 500.
 */
export type SlackScripted = (
  ScriptedAnswer | { error: string; needed?: string } | { createdThen500: true }
) & { method?: string }

/** What a seeded random failure does (see `failureRate`). */
export type RandomFailure =
  /** Stores the message, then answers HTTP 500. */
  | 'created-then-500'
  /** Stores the message, then never answers: the answer is lost on the way back. */
  | 'created-then-hang'
  /** HTTP 500 without doing anything. */
  | 'error-500'
  /** HTTP 429 with Retry-After. */
  | 'rate-limited'
  /** Never answers, without doing anything. */
  | 'hang'

/** Behaviour that can change while the fake runs (`configure`). */
export type SlackApiSettings = {
  /** Probability (0..1) that a call of one of `failureMethods` fails at random. Default 0. */
  failureRate?: number
  /** Picked from with equal weight. Default `['created-then-500']`. */
  failureModes?: RandomFailure[]
  /** Default `['chat.postMessage']`. */
  failureMethods?: string[]
  /** Seed of the failure PRNG (mulberry32); the same seed gives the same failures. Default 1. */
  seed?: number
  /**
   * Random failures per message at most (per item a post carries in its metadata, per `ts` an
   * update or delete addresses, each method counted apart), so a long run cannot fail one
   * delivery until it runs out of attempts. Default: no limit.
   */
  maxFailuresPerMessage?: number
}

export type FakeChannel = {
  /** Conversation id, e.g. `C0NYHETER1`. */
  id: string
  name: string
  isPrivate?: boolean
  isArchived?: boolean
  /** Whether the bot is a member. Default true. */
  isMember?: boolean
}

export type MessageMetadata = { event_type: string; event_payload: Record<string, unknown> }

export type StoredMessage = {
  channel: string
  ts: string
  text: string
  blocks?: unknown[]
  metadata?: MessageMetadata
  /** Set for the bot's messages; a person's message (`addMessage`) has `user` instead. */
  botId?: string
  user?: string
  /** How many times chat.update changed it. */
  edits: number
  deleted: boolean
}

export type RecordedCall = {
  seq: number
  /** The Web API method from the path (`chat.postMessage`), or the raw path. */
  method: string
  httpMethod: string
  contentType: string
  /** Arguments as Slack reads them: form fields and query, or the JSON body. */
  params: Record<string, unknown>
  /** The request carried the workspace's bot token. */
  authentic: boolean
  /** HTTP status sent; null while (or when) it hangs. */
  status: number | null
  /** Slack's `error` code when it answered `ok: false`. */
  error?: string
  receivedAt: Date
  /** The caller's port: which process sent it (see /proc/net/tcp), for the crash test. */
  remotePort?: number
}

export type SlackApiOptions = SlackApiSettings & {
  /** The bot token requests must carry. Default `FAKE_SLACK_TOKEN`. */
  token?: string
  /** Default: `#nyheter` (C0NYHETER1) and `#redaksjonsvarsler` (C0VARSLER1), bot a member. */
  channels?: FakeChannel[]
  mode?: SlackMode
  /** Retry-After of the `rate-limited` mode. Default `'1'`. */
  retryAfter?: string
  /** Milliseconds since the epoch, for message timestamps. Default `Date.now`. */
  now?: () => number
  /** Always binds 127.0.0.1; default port 0. */
  port?: number
}
