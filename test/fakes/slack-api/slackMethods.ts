import { compareTs, IDENTITY, type SlackWorkspace } from './SlackWorkspace'
import type { FakeChannel, MessageMetadata, SlackMode, StoredMessage } from './types'
import { blocksProblem } from './validateBlocks'

/** A Web API answer body: `{ ok: true, … }` or `{ ok: false, error, … }`. */
export type ApiResult = { ok: boolean; error?: string; [key: string]: unknown }
type Params = Record<string, unknown>
type Handler = (ws: SlackWorkspace, params: Params, mode: SlackMode) => ApiResult

/** Slack truncates longer `text` and refuses far longer; 40,000 is its documented limit. */
const MAX_TEXT = 40_000

const fail = (error: string, extra: Record<string, unknown> = {}): ApiResult => ({
  ok: false,
  error,
  ...extra,
})

/**
 * The Web API methods the hub calls, with the arguments, answers and error codes of their
 * reference pages (docs.slack.dev/reference/methods/<method>).
 */
const METHODS: Record<string, Handler> = {
  'auth.test': () => ({
    ok: true,
    url: IDENTITY.url,
    team: IDENTITY.team,
    user: IDENTITY.user,
    team_id: IDENTITY.teamId,
    user_id: IDENTITY.userId,
    bot_id: IDENTITY.botId,
    is_enterprise_install: false,
  }),

  'chat.postMessage': (ws, p) => {
    const channel = conversation(ws, p.channel, true)
    if (!isChannel(channel)) return channel
    if (channel.isArchived) return fail('is_archived')
    if (!channel.isMember) return fail('not_in_channel')
    const content = contentOf(p)
    if ('ok' in content) return content
    const metadata = metadataOf(p.metadata)
    if (metadata === 'invalid') return fail('invalid_metadata_format')
    const stored = ws.store({
      channel: channel.id,
      ...content,
      metadata,
      botId: IDENTITY.botId,
      user: IDENTITY.userId,
    })
    return { ok: true, channel: channel.id, ts: stored.ts, message: view(stored, true) }
  },

  'chat.update': (ws, p) => {
    const found = ownMessage(ws, p.channel, p.ts, 'cant_update_message')
    if (isFailure(found)) return found
    const { channel, message } = found
    const content = contentOf(p)
    if ('ok' in content) return content
    const metadata = metadataOf(p.metadata)
    if (metadata === 'invalid') return fail('invalid_metadata_format')
    message.text = content.text
    message.blocks = content.blocks
    // Slack keeps the metadata of an edited message unless the edit brings new metadata.
    if (metadata) message.metadata = metadata
    ws.recordEdit(message)
    return {
      ok: true,
      channel: channel.id,
      ts: message.ts,
      text: message.text,
      message: view(message, true),
    }
  },

  'chat.delete': (ws, p) => {
    const found = ownMessage(ws, p.channel, p.ts, 'cant_delete_message')
    if (isFailure(found)) return found
    ws.recordDelete(found.message)
    return { ok: true, channel: found.channel.id, ts: found.message.ts }
  },

  'chat.getPermalink': (ws, p) => {
    const channel = conversation(ws, p.channel)
    if (!isChannel(channel)) return channel
    const message = ws.find(channel.id, str(p.message_ts) ?? '')
    if (!message) return fail('message_not_found')
    const permalink = `${IDENTITY.url}archives/${channel.id}/p${message.ts.replace('.', '')}`
    return { ok: true, channel: channel.id, permalink }
  },

  'conversations.history': (ws, p) => {
    const channel = conversation(ws, p.channel)
    if (!isChannel(channel)) return channel
    if (!channel.isMember) return fail('not_in_channel')
    const limit = Math.min(999, Math.max(1, Number(str(p.limit) ?? 100) || 100))
    const inclusive = bool(p.inclusive)
    const oldest = str(p.oldest) ?? '0'
    const latest = str(p.latest)
    const after = cursorTs(str(p.cursor))
    const inRange = ws.history(channel.id).filter((m) => {
      const fromOldest = compareTs(m.ts, oldest)
      if (fromOldest < 0 || (fromOldest === 0 && !inclusive)) return false
      if (latest !== undefined) {
        const toLatest = compareTs(m.ts, latest)
        if (toLatest > 0 || (toLatest === 0 && !inclusive)) return false
      }
      return after === undefined || compareTs(m.ts, after) < 0
    })
    const page = inRange.slice(0, limit)
    const hasMore = inRange.length > page.length
    const last = page.at(-1)
    const withMetadata = bool(p.include_all_metadata)
    return {
      ok: true,
      messages: page.map((m) => view(m, withMetadata)),
      has_more: hasMore,
      pin_count: 0,
      ...(hasMore && last
        ? {
            response_metadata: {
              next_cursor: Buffer.from(`next_ts:${last.ts}`).toString('base64'),
            },
          }
        : {}),
    }
  },

  'conversations.info': (ws, p, mode) => {
    const channel = conversation(ws, p.channel)
    if (!isChannel(channel)) return channel
    return {
      ok: true,
      channel: {
        id: channel.id,
        name: channel.name,
        is_channel: !channel.isPrivate,
        is_group: false,
        is_im: false,
        is_private: channel.isPrivate === true,
        is_archived: channel.isArchived === true,
        is_member: mode === 'not-in-channel' ? false : channel.isMember !== false,
        created: 1_600_000_000,
      },
    }
  },
}

export const KNOWN_METHODS: ReadonlySet<string> = new Set(Object.keys(METHODS))
/** Methods that take a `channel`: the ones the channel-related modes affect. */
export const CHANNEL_METHODS: ReadonlySet<string> = new Set(
  Object.keys(METHODS).filter((m) => m !== 'auth.test'),
)
/** What `missing_scope` says each method needs (Slack's `needed`). */
export const SCOPE_NEEDED: Record<string, string> = {
  'auth.test': 'identify',
  'chat.postMessage': 'chat:write',
  'chat.update': 'chat:write',
  'chat.delete': 'chat:write',
  'chat.getPermalink': 'chat:write',
  'conversations.history': 'channels:history,groups:history',
  'conversations.info': 'channels:read,groups:read',
}

export function callMethod(
  ws: SlackWorkspace,
  method: string,
  params: Params,
  mode: SlackMode,
): ApiResult {
  const handler = METHODS[method]
  return handler ? handler(ws, params, mode) : fail('unknown_method')
}

/** The conversation named by id (or, where Slack allows it, by name), or `channel_not_found`. */
function conversation(ws: SlackWorkspace, raw: unknown, byName = false): FakeChannel | ApiResult {
  const value = str(raw)
  if (!value) return fail('channel_not_found')
  const byId = ws.channels.get(value)
  if (byId) return byId
  if (byName) {
    const name = value.replace(/^#/, '')
    for (const channel of ws.channels.values()) if (channel.name === name) return channel
  }
  return fail('channel_not_found')
}

type OwnMessage = { channel: FakeChannel; message: StoredMessage }

function ownMessage(
  ws: SlackWorkspace,
  rawChannel: unknown,
  rawTs: unknown,
  notOurs: string,
): OwnMessage | ApiResult {
  const channel = conversation(ws, rawChannel)
  if (!isChannel(channel)) return channel
  if (channel.isArchived) return fail('is_archived')
  if (!channel.isMember) return fail('not_in_channel')
  const message = ws.find(channel.id, str(rawTs) ?? '')
  if (!message) return fail('message_not_found')
  if (message.botId !== IDENTITY.botId) return fail(notOurs)
  return { channel, message }
}

function contentOf(p: Params): { text: string; blocks?: unknown[] } | ApiResult {
  let blocks: unknown = p.blocks
  if (typeof blocks === 'string') {
    try {
      blocks = JSON.parse(blocks) as unknown
    } catch {
      return fail('invalid_blocks_format')
    }
  }
  if (blocks !== undefined) {
    const problem = blocksProblem(blocks)
    if (problem) {
      return fail('invalid_blocks', {
        errors: [problem],
        response_metadata: { messages: [`[ERROR] ${problem}`] },
      })
    }
  }
  const text = str(p.text) ?? ''
  if (text === '' && (!Array.isArray(blocks) || blocks.length === 0)) return fail('no_text')
  if (text.length > MAX_TEXT) return fail('msg_too_long')
  return Array.isArray(blocks) ? { text, blocks } : { text }
}

/** Absent → undefined; present but not `{ event_type, event_payload }` → 'invalid'. */
function metadataOf(raw: unknown): MessageMetadata | undefined | 'invalid' {
  if (raw === undefined || raw === '') return undefined
  let value: unknown = raw
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown
    } catch {
      return 'invalid'
    }
  }
  if (typeof value !== 'object' || value === null) return 'invalid'
  const { event_type: type, event_payload: payload } = value as Record<string, unknown>
  if (typeof type !== 'string' || typeof payload !== 'object' || payload === null) return 'invalid'
  return { event_type: type, event_payload: payload as Record<string, unknown> }
}

/** A message as history and post answers show it; metadata only when asked for. */
function view(m: StoredMessage, withMetadata: boolean): Record<string, unknown> {
  return {
    type: 'message',
    text: m.text,
    ts: m.ts,
    ...(m.user ? { user: m.user } : {}),
    ...(m.botId ? { bot_id: m.botId, app_id: IDENTITY.appId } : {}),
    ...(m.blocks ? { blocks: m.blocks } : {}),
    ...(m.edits > 0 ? { edited: { user: IDENTITY.userId, ts: m.ts } } : {}),
    ...(withMetadata && m.metadata ? { metadata: m.metadata } : {}),
  }
}

function cursorTs(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined
  const decoded = Buffer.from(cursor, 'base64').toString('utf8')
  return decoded.startsWith('next_ts:') ? decoded.slice('next_ts:'.length) : undefined
}

function isChannel(value: FakeChannel | ApiResult): value is FakeChannel {
  return !('ok' in value)
}

function isFailure(value: OwnMessage | ApiResult): value is ApiResult {
  return 'ok' in value
}

function str(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value)
  return typeof value === 'string' ? value : undefined
}

/** Form fields arrive as "true"/"1", JSON bodies as booleans. */
function bool(value: unknown): boolean {
  return value === true || value === 'true' || value === '1' || value === 1
}
