import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

import type { ConformanceFake } from '../../channels/conformanceFake'
import { readBody } from '../website-receiver/readBody'
import { sendJson } from '../website-receiver/sendJson'
import { parseSlackRequest } from './parseSlackRequest'
import { randomFailures } from './randomFailure'
import { modeOverride, type Override, scriptedOverride } from './scriptedAnswer'
import { type ApiResult, callMethod, KNOWN_METHODS } from './slackMethods'
import { DEFAULT_CHANNELS, SlackWorkspace } from './SlackWorkspace'
import type {
  MessageMetadata,
  RecordedCall,
  SlackApiOptions,
  SlackApiSettings,
  SlackMode,
  SlackScripted,
  StoredMessage,
} from './types'

/** The bot token the fake accepts unless told otherwise. */
export const FAKE_SLACK_TOKEN = 'xoxb-1000000001-2000000002-FakeSlackTokenForTests'

export type SlackApi = ConformanceFake & {
  /** Base URL for SLACK_API_URL, ending in `/api/`. */
  url: string
  token: string
  /** Every request, in arrival order. */
  requests: readonly RecordedCall[]
  /** Every message ever stored, deleted ones included, in the order posted. */
  messages: readonly StoredMessage[]
  /** Queues answers for the next authentic requests (see `SlackScripted`). */
  script(...answers: SlackScripted[]): void
  setMode(mode: SlackMode): void
  /** Changes the random failures on the fly; a new `seed` restarts the PRNG. */
  configure(settings: SlackApiSettings): void
  /** Resolves once `count` requests have arrived; rejects after `timeoutMs` (2000). */
  waitForCalls(count: number, timeoutMs?: number): Promise<void>
  /** Calls of one method, e.g. `calls('chat.postMessage')`. */
  calls(method: string): RecordedCall[]
  /** Messages the bot posted (chat.postMessage that the workspace processed). */
  posts(): StoredMessage[]
  /** Live (not deleted) messages in a channel, newest first. */
  history(channel: string): StoredMessage[]
  /** A message someone else posted, to surround the bot's with. */
  addMessage(
    channel: string,
    message: { text: string; user?: string; metadata?: MessageMetadata },
  ): StoredMessage
  /** Delivery ids posted more than once, and items with more than one live message. */
  duplicates(): { deliveries: string[]; items: string[] }
  /** SLACK_* settings pointing at this fake, for `slackAdapter({ config })`. */
  config(overrides?: Record<string, string>): Record<string, string>
}

const MAX_BODY_BYTES = 1024 * 1024

/**
 * A fake Slack Web API over real HTTP on 127.0.0.1, speaking the protocol as @slack/web-api
 * uses it. See README.md next to this file for the methods, modes and scripted answers.
 */
export async function startSlackApi(options: SlackApiOptions = {}): Promise<SlackApi> {
  const token = options.token ?? FAKE_SLACK_TOKEN
  const channels = options.channels ?? DEFAULT_CHANNELS
  const ws = new SlackWorkspace(channels, options.now ?? Date.now)
  const requests: RecordedCall[] = []
  const script: SlackScripted[] = []
  let mode: SlackMode = options.mode ?? 'normal'
  const settings: SlackApiSettings = { ...options }
  const random = randomFailures(options.seed ?? 1)
  let closing: Promise<void> | undefined
  const waiters = new Set<() => void>()
  const failuresOf = new Map<string, number>()

  /** A random failure, unless this message has had its share (`maxFailuresPerMessage`). */
  const capped = (key: string, failure: Override | null): Override | null => {
    if (!failure) return null
    const count = failuresOf.get(key) ?? 0
    const max = settings.maxFailuresPerMessage
    if (max !== undefined && count >= max) return null
    failuresOf.set(key, count + 1)
    return failure
  }

  const answer = (
    res: ServerResponse,
    call: RecordedCall,
    status: number,
    body: ApiResult,
    headers: Record<string, string> = {},
  ) => {
    call.status = status
    if (!body.ok && typeof body.error === 'string') call.error = body.error
    sendJson(res, status, body, headers)
  }

  const takeScripted = (method: string): SlackScripted | undefined => {
    const index = script.findIndex((entry) => !entry.method || entry.method === method)
    return index < 0 ? undefined : script.splice(index, 1)[0]
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let read
    try {
      read = await readBody(req, MAX_BODY_BYTES)
    } catch {
      return // the client went away mid-body
    }
    const parsed = parseSlackRequest(req, read.body.toString('utf8'))
    const call: RecordedCall = {
      seq: requests.length + 1,
      method: parsed.method ?? req.url ?? '/',
      httpMethod: req.method ?? 'GET',
      contentType: parsed.contentType,
      params: parsed.params,
      authentic: false,
      status: null,
      receivedAt: new Date(),
      remotePort: req.socket.remotePort,
    }
    requests.push(call)
    for (const wake of [...waiters]) wake()
    if (read.tooLarge) return answer(res, call, 413, { ok: false, error: 'request_too_large' })
    if (parsed.method === null)
      return answer(res, call, 404, { ok: false, error: 'unknown_method' })
    if (call.httpMethod !== 'POST' && call.httpMethod !== 'GET') {
      return answer(
        res,
        call,
        405,
        { ok: false, error: 'method_not_supported' },
        { Allow: 'GET, POST' },
      )
    }
    if (!KNOWN_METHODS.has(parsed.method)) return answer(res, call, 200, fail('unknown_method'))
    if (parsed.invalidJson) return answer(res, call, 200, fail('invalid_json'))
    if (!parsed.token) return answer(res, call, 200, fail('not_authed'))
    if (parsed.token !== token) return answer(res, call, 200, fail('invalid_auth'))
    call.authentic = true

    const scripted = takeScripted(parsed.method)
    const retryAfter = options.retryAfter ?? '1'
    const override: Override | null = scripted
      ? scriptedOverride(scripted)
      : (modeOverride(mode, parsed.method, retryAfter) ??
        capped(
          messageKey(parsed.method, parsed.params),
          random.next(parsed.method, {
            rate: settings.failureRate ?? 0,
            modes: settings.failureModes ?? ['created-then-500'],
            methods: settings.failureMethods ?? ['chat.postMessage'],
            retryAfter,
          }),
        ))
    if (override?.kind === 'hang') return // until the client gives up or close()
    if (override?.kind === 'api') {
      return answer(res, call, override.status, override.body, override.headers)
    }
    const result = callMethod(ws, parsed.method, parsed.params, mode)
    if (override?.kind === 'work-then') return answer(res, call, override.status, override.body)
    if (override?.kind === 'work-then-hang') return
    return answer(res, call, 200, result)
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
  const url = `http://127.0.0.1:${port}/api/`

  return {
    url,
    token,
    requests,
    messages: ws.messages,
    script: (...answers) => script.push(...answers),
    setMode: (next) => {
      mode = next
    },
    configure(next) {
      Object.assign(settings, next)
      if (next.seed !== undefined) random.reseed(next.seed)
    },
    waitForCalls: (count, timeoutMs = 2000) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`expected ${count} requests, got ${requests.length}`))
        }, timeoutMs)
        function check() {
          if (requests.length < count) return
          clearTimeout(timer)
          waiters.delete(check)
          resolve()
        }
        waiters.add(check)
        check()
      }),
    calls: (method) => requests.filter((r) => r.method === method),
    posts: () => ws.messages.filter((m) => m.botId !== undefined),
    history: (channel) => ws.history(channel),
    addMessage: (channel, message) => ws.store({ channel, user: 'U0PERSON01', ...message }),
    duplicates: () => ws.duplicates(),
    operations: () => [...ws.log],
    requestCount: () => requests.length,
    config: (overrides = {}) => ({
      SLACK_BOT_TOKEN: token,
      SLACK_CHANNEL: channels[0]?.id ?? '',
      SLACK_ALERT_CHANNEL: channels[1]?.id ?? '',
      SLACK_API_URL: url,
      ...overrides,
    }),
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()))
        server.closeAllConnections()
      })
      return closing
    },
  }
}

/** What random failures count against: the item a post carries, the `ts` a call addresses. */
function messageKey(method: string, params: Record<string, unknown>): string {
  if (typeof params.ts === 'string') return `${method}:${params.ts}`
  let metadata = params.metadata
  if (typeof metadata === 'string') {
    try {
      metadata = JSON.parse(metadata) as unknown
    } catch {
      metadata = undefined
    }
  }
  const item = (metadata as { event_payload?: { item_id?: unknown } } | undefined)?.event_payload
    ?.item_id
  return `${method}:${typeof item === 'string' ? item : ''}`
}

function fail(error: string): ApiResult {
  return { ok: false, error }
}
