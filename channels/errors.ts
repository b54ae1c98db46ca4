import { scrubSecrets } from './redact'

/**
 * How an adapter says what went wrong. The rule is simple on purpose: any throw is transient
 * and retried on the backoff schedule. Three kinds are special, because retrying them blindly
 * would be wrong: a permanent failure (retrying cannot help), a rate limit (retrying early makes
 * it worse) and a gone endpoint (the receiver told us to stop).
 *
 * Messages end up in the ledger next to the delivery, so they say what happened in terms an
 * editor or operator can act on, and never contain credentials. `code` is the stable,
 * machine-readable part the admin can translate or group by.
 */

export type FailureKind = 'transient' | 'permanent' | 'rate-limited' | 'gone'

/**
 * Marks our errors by kind. A registered symbol instead of `instanceof` alone, because the
 * admin (bundled by Next) and the workers (run by tsx) can load separate copies of this module
 * in one process, and a copy's classes are not `instanceof` each other.
 */
const KIND: unique symbol = Symbol.for('modum-content-hub.channels.failureKind')

export type DeliveryErrorOptions = {
  /** Stable machine-readable reason, e.g. `http-404`, `timeout`, `facebook-190`. */
  code?: string
  /** The HTTP status the channel answered with, when there was one. */
  statusCode?: number
  cause?: unknown
}

export abstract class DeliveryError extends Error {
  abstract readonly [KIND]: FailureKind
  readonly code: string
  readonly statusCode?: number

  protected constructor(message: string, defaultCode: string, options: DeliveryErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = new.target.name
    this.code = options.code ?? defaultCode
    if (options.statusCode !== undefined) this.statusCode = options.statusCode
  }
}

/**
 * Worth another try later: timeouts, resets, 5xx. Throwing any other error means the same; this
 * class only adds a code, the status and the receiver's Retry-After for the ledger.
 */
export class TransientDeliveryError extends DeliveryError {
  readonly [KIND] = 'transient' as const
  readonly retryAfterSeconds?: number

  constructor(
    message: string,
    options: DeliveryErrorOptions & { retryAfterSeconds?: number } = {},
  ) {
    super(message, 'transient', options)
    const retryAfter = cleanSeconds(options.retryAfterSeconds)
    if (retryAfter !== undefined) this.retryAfterSeconds = retryAfter
  }
}

/**
 * Retrying cannot help: the channel rejected this message (4xx, a limit exceeded, a missing
 * permission). The delivery goes dead at once, visible to editors, who can fix the cause and
 * redrive it.
 */
export class PermanentDeliveryError extends DeliveryError {
  readonly [KIND] = 'permanent' as const

  constructor(message: string, options: DeliveryErrorOptions = {}) {
    super(message, 'permanent', options)
  }
}

/**
 * The channel asked us to slow down. The delivery is retried no earlier than
 * `retryAfterSeconds` (when the channel said), and with `pauseChannel` the outbox holds back the
 * channel's other deliveries too, because the limit is the channel's (a Facebook app, a Slack
 * workspace) rather than this one request's. Set it to false where one target's limit says
 * nothing about the others (one subscriber's webhook endpoint).
 */
export class RateLimitedError extends DeliveryError {
  readonly [KIND] = 'rate-limited' as const
  readonly retryAfterSeconds?: number
  readonly pauseChannel: boolean

  constructor(
    message: string,
    options: DeliveryErrorOptions & { retryAfterSeconds?: number; pauseChannel?: boolean } = {},
  ) {
    super(message, 'rate-limited', options)
    const retryAfter = cleanSeconds(options.retryAfterSeconds)
    if (retryAfter !== undefined) this.retryAfterSeconds = retryAfter
    this.pauseChannel = options.pauseChannel ?? true
  }
}

/**
 * The receiver says this endpoint no longer exists (HTTP 410). The outbox disables the target
 * rather than keep knocking; the delivery itself is dead.
 */
export class EndpointGoneError extends DeliveryError {
  readonly [KIND] = 'gone' as const

  constructor(message: string, options: DeliveryErrorOptions = {}) {
    super(message, 'endpoint-gone', options)
  }
}

export type FailureClassification = {
  kind: FailureKind
  /** For the ledger: at most `MAX_MESSAGE_LENGTH` characters. */
  message: string
  code: string
  statusCode?: number
  retryAfterSeconds?: number
  /** Only for `rate-limited`: whether the whole channel waits. */
  pauseChannel?: boolean
}

export const MAX_MESSAGE_LENGTH = 1000

/** What the outbox should do about a throw. Anything not ours is transient. */
export function classifyError(err: unknown): FailureClassification {
  const kind = kindOf(err)
  if (kind === undefined || !(err instanceof Error)) {
    return { kind: 'transient', code: 'unexpected', message: clip(describeUnknown(err)) }
  }
  const ours = err as Error & {
    code: string
    statusCode?: number
    retryAfterSeconds?: number
    pauseChannel?: boolean
  }
  const result: FailureClassification = {
    kind,
    code: typeof ours.code === 'string' ? ours.code : kind,
    message: clip(err.message || kind),
  }
  if (typeof ours.statusCode === 'number') result.statusCode = ours.statusCode
  const retryAfter = cleanSeconds(ours.retryAfterSeconds)
  if (retryAfter !== undefined && (kind === 'transient' || kind === 'rate-limited')) {
    result.retryAfterSeconds = retryAfter
  }
  if (kind === 'rate-limited') result.pauseChannel = ours.pauseChannel !== false
  return result
}

function kindOf(err: unknown): FailureKind | undefined {
  if (typeof err !== 'object' || err === null || !(KIND in err)) return undefined
  const kind = err[KIND]
  return kind === 'transient' || kind === 'permanent' || kind === 'rate-limited' || kind === 'gone'
    ? kind
    : undefined
}

/** A foreign error's message with its causes, which is where fetch and drivers put the reason. */
function describeUnknown(err: unknown): string {
  if (!(err instanceof Error)) {
    if (typeof err === 'string') return err || 'unknown error'
    try {
      return `non-error thrown: ${JSON.stringify(err) ?? String(err)}`
    } catch {
      return 'non-error thrown'
    }
  }
  const parts: string[] = []
  let current: unknown = err
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const prefix = current.name && current.name !== 'Error' ? `${current.name}: ` : ''
    parts.push(`${prefix}${current.message}`)
    current = current.cause
  }
  return parts.join(' (cause: ') + ')'.repeat(parts.length - 1)
}

function clip(raw: string): string {
  const message = scrubSecrets(raw)
  return message.length > MAX_MESSAGE_LENGTH
    ? `${message.slice(0, MAX_MESSAGE_LENGTH - 1)}…`
    : message
}

function cleanSeconds(value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return undefined
  return Math.ceil(value)
}
