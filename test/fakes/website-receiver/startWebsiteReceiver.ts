import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { type AddressInfo } from 'node:net'

import { Webhook } from 'standardwebhooks'

import { chooseFailure } from './chooseFailure'
import { createPrng } from './createPrng'
import { DeliveryLog } from './DeliveryLog'
import { parseDelivery } from './parseDelivery'
import { readBody } from './readBody'
import { sendJson } from './sendJson'
import {
  type CountOptions,
  type FailureMode,
  type Outcome,
  type RecordedRequest,
  type ScriptedResponse,
  type WebsiteReceiverOptions,
} from './types'
import { verifySignature } from './verifySignature'

export type ReceiverSettings = Pick<
  WebsiteReceiverOptions,
  | 'successStatus'
  | 'failureRate'
  | 'seed'
  | 'failureWeights'
  | 'retryAfter'
  | 'latencyMs'
  | 'maxFailuresPerId'
>

export interface WebsiteReceiver {
  /** Base URL, e.g. `http://127.0.0.1:43121`; any path under it accepts POSTs. */
  readonly url: string
  readonly port: number
  /** Every request received since start or the last `reset()`, in arrival order (live array). */
  readonly requests: readonly RecordedRequest[]
  /** Scripted answers, consumed first in, first out by verified requests: `script.push(...)`. */
  readonly script: ScriptedResponse[]
  uniqueIds(options?: CountOptions): string[]
  attemptsFor(id: string, options?: CountOptions): number
  acceptedCountFor(id: string): number
  deliveriesByType(options?: CountOptions): Record<string, string[]>
  /** Resolves once at least `count` requests were recorded; rejects after `timeoutMs` (2000). */
  waitForRequests(count: number, timeoutMs?: number): Promise<readonly RecordedRequest[]>
  /** Changes behaviour on the fly; a new `seed` restarts the PRNG. */
  configure(settings: ReceiverSettings): void
  /** Clears the log and the script and restarts the PRNG from the seed. */
  reset(): void
  /** Closes the server and destroys every connection, hung requests included. Idempotent. */
  close(): Promise<void>
}

const DEFAULT_MAX_BODY = 1024 * 1024

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

/**
 * Starts a fake website/app webhook receiver speaking Standard Webhooks over real HTTP on
 * 127.0.0.1. See README.md next to this file for the behaviour and the library's quirks.
 */
export async function startWebsiteReceiver(
  options: WebsiteReceiverOptions,
): Promise<WebsiteReceiver> {
  const secrets = typeof options.secrets === 'string' ? [options.secrets] : [...options.secrets]
  if (secrets.length === 0) throw new Error('startWebsiteReceiver: at least one secret is needed')
  const webhooks = secrets.map((s) => new Webhook(s))
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY
  const settings: ReceiverSettings = { ...options }
  let random = createPrng(settings.seed ?? 1)
  const log = new DeliveryLog()
  const failuresById = new Map<string, number>()
  const script: ScriptedResponse[] = []
  const timers = new Set<NodeJS.Timeout>()
  const waiters = new Set<() => void>()
  let closing: Promise<void> | undefined

  const later = (ms: number, fn: () => void) => {
    if (ms <= 0 || closing) return fn()
    const timer = setTimeout(() => {
      timers.delete(timer)
      fn()
    }, ms)
    timers.add(timer)
  }

  const record = (req: IncomingMessage, partial: Partial<RecordedRequest>): RecordedRequest => {
    const entry: RecordedRequest = {
      seq: log.requests.length + 1,
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: req.headers,
      rawBody: '',
      body: undefined,
      verified: false,
      secretIndex: null,
      webhookId: firstHeader(req.headers['webhook-id']),
      eventType: undefined,
      accepted: false,
      outcome: 'ok',
      status: null,
      receivedAt: new Date(),
      remotePort: req.socket.remotePort,
      ...partial,
    }
    log.add(entry)
    for (const wake of [...waiters]) wake()
    return entry
  }

  const answer = (
    res: ServerResponse,
    entry: RecordedRequest,
    outcome: Outcome,
    status: number | null,
    body?: unknown,
    headers?: Record<string, string>,
    delayMs = 0,
  ) => {
    entry.outcome = outcome
    if (status === null) return // hang until the client gives up or close() destroys the socket
    const latency =
      typeof settings.latencyMs === 'function'
        ? settings.latencyMs(entry)
        : (settings.latencyMs ?? 0)
    later(latency + delayMs, () => {
      entry.status = status
      sendJson(res, status, body, headers)
    })
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const receivedAt = new Date()
    let read
    try {
      read = await readBody(req, maxBodyBytes)
    } catch {
      return // the client went away mid-body; nothing to answer
    }
    if (read.tooLarge) {
      const entry = record(req, { receivedAt })
      const close: Record<string, string> = read.abandoned ? { Connection: 'close' } : {}
      const error = { error: 'payload_too_large', maxBytes: maxBodyBytes }
      return answer(res, entry, 'tooLarge', 413, error, close)
    }
    const rawBody = read.body.toString('utf8')
    if (req.method !== 'POST') {
      const entry = record(req, { receivedAt, rawBody })
      const error = { error: 'method_not_allowed' }
      return answer(res, entry, 'methodNotAllowed', 405, error, { Allow: 'POST' })
    }
    const verification = verifySignature(webhooks, read.body, req.headers)
    const parsed = parseDelivery(rawBody)
    const entry = record(req, {
      receivedAt,
      rawBody,
      body: parsed.body,
      eventType: parsed.eventType,
      ...verification,
    })
    if (!verification.verified) {
      const error = { error: 'invalid_signature', message: verification.error }
      return answer(res, entry, 'unauthorized', 401, error)
    }
    if (!parsed.ok) {
      entry.error = 'Body is not valid JSON'
      return answer(res, entry, 'badRequest', 400, { error: 'invalid_json' })
    }
    return respondToDelivery(res, entry)
  }

  const respondToDelivery = (res: ServerResponse, entry: RecordedRequest): void => {
    const success = settings.successStatus ?? 200
    const okBody = success === 204 ? undefined : { ok: true }
    const scripted = script.shift()
    if (scripted) {
      if (scripted.timeout) return answer(res, entry, 'scripted', null)
      const headers = { ...scripted.headers }
      if (scripted.retryAfter !== undefined) headers['Retry-After'] = String(scripted.retryAfter)
      if (scripted.thenFail) {
        entry.accepted = true
        const status = scripted.failStatus ?? 500
        const body = scripted.body ?? { error: 'internal_error_after_commit' }
        return answer(res, entry, 'scripted', status, body, headers, scripted.delayMs)
      }
      const status = scripted.status ?? success
      entry.accepted = status >= 200 && status < 300
      const body = scripted.body ?? (entry.accepted ? okBody : { error: `scripted_${status}` })
      return answer(res, entry, 'scripted', status, body, headers, scripted.delayMs)
    }
    const failure = limitFailures(
      entry.webhookId ?? '',
      chooseFailure(random, settings.failureRate ?? 0, settings.failureWeights),
    )
    switch (failure) {
      case 'error500':
        return answer(res, entry, failure, 500, { error: 'internal_error' })
      case 'rateLimited': {
        const retryAfter = { 'Retry-After': settings.retryAfter ?? '1' }
        return answer(res, entry, failure, 429, { error: 'rate_limited' }, retryAfter)
      }
      case 'timeout':
        return answer(res, entry, failure, null)
      case 'createdThen500':
        entry.accepted = true
        return answer(res, entry, failure, 500, { error: 'internal_error_after_commit' })
      case null:
        entry.accepted = true
        return answer(res, entry, 'ok', success, okBody)
    }
  }

  const limitFailures = (id: string, failure: FailureMode | null): FailureMode | null => {
    if (failure === null) return null
    const failed = failuresById.get(id) ?? 0
    if (settings.maxFailuresPerId !== undefined && failed >= settings.maxFailuresPerId) return null
    failuresById.set(id, failed + 1)
    return failure
  }

  const server = createServer((req, res) => void handle(req, res))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests: log.requests,
    script,
    uniqueIds: (o) => log.uniqueIds(o),
    attemptsFor: (id, o) => log.attemptsFor(id, o),
    acceptedCountFor: (id) => log.acceptedCountFor(id),
    deliveriesByType: (o) => log.deliveriesByType(o),
    waitForRequests(count, timeoutMs = 2000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (log.requests.length < count) return
          cleanup()
          resolve(log.requests)
        }
        const timer = setTimeout(() => {
          cleanup()
          reject(new Error(`expected ${count} requests, got ${log.requests.length}`))
        }, timeoutMs)
        const cleanup = () => {
          clearTimeout(timer)
          waiters.delete(check)
        }
        waiters.add(check)
        check()
      })
    },
    configure(next) {
      Object.assign(settings, next)
      if (next.seed !== undefined) random = createPrng(next.seed)
    },
    reset() {
      log.clear()
      failuresById.clear()
      script.length = 0
      random = createPrng(settings.seed ?? 1)
    },
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer)
        timers.clear()
        server.close((err) => (err ? reject(err) : resolve()))
        server.closeAllConnections()
      })
      return closing
    },
  }
}
