import type { FakeOperation } from '../../channels/conformanceFake'
import type { FakeChannel, MessageMetadata, StoredMessage } from './types'

/** Who the fake workspace says the bot is (auth.test) and where its permalinks point. */
export const IDENTITY = {
  url: 'https://modum-kommune.slack.com/',
  team: 'Modum kommune',
  teamId: 'T0MODUM001',
  user: 'hub',
  userId: 'U0HUBBOT01',
  botId: 'B0HUBBOT01',
  appId: 'A0HUBAPP01',
} as const

export const DEFAULT_CHANNELS: readonly FakeChannel[] = [
  { id: 'C0NYHETER1', name: 'nyheter' },
  { id: 'C0VARSLER1', name: 'redaksjonsvarsler' },
]

/**
 * The workspace's state: its conversations and every message in them, in the order posted.
 * Messages are never removed, only marked deleted, so tests can count everything that was ever
 * posted. Timestamps are Slack's `ts` format (`<unix seconds>.<6 digits>`), unique and
 * increasing within the workspace, the way Slack keeps them unique within a channel.
 */
export class SlackWorkspace {
  readonly channels = new Map<string, FakeChannel>()
  readonly messages: StoredMessage[] = []
  readonly log: FakeOperation[] = []
  private serial = 0

  constructor(
    channels: readonly FakeChannel[],
    private readonly now: () => number,
  ) {
    for (const channel of channels) this.channels.set(channel.id, { isMember: true, ...channel })
  }

  nextTs(): string {
    this.serial += 1
    const seconds = Math.floor(this.now() / 1000)
    return `${seconds}.${String(this.serial % 1_000_000).padStart(6, '0')}`
  }

  store(message: Omit<StoredMessage, 'ts' | 'edits' | 'deleted'>): StoredMessage {
    const stored: StoredMessage = { ...message, ts: this.nextTs(), edits: 0, deleted: false }
    this.messages.push(stored)
    if (stored.botId) this.log.push({ kind: 'create', itemId: itemIdOf(stored.metadata) })
    return stored
  }

  find(channel: string, ts: string): StoredMessage | undefined {
    return this.messages.find((m) => m.channel === channel && m.ts === ts && !m.deleted)
  }

  recordEdit(message: StoredMessage): void {
    message.edits += 1
    this.log.push({ kind: 'update', itemId: itemIdOf(message.metadata) })
  }

  recordDelete(message: StoredMessage): void {
    message.deleted = true
    this.log.push({ kind: 'delete', itemId: itemIdOf(message.metadata) })
  }

  /** Live messages of a channel, newest first, as conversations.history lists them. */
  history(channel: string): StoredMessage[] {
    // Keyed once, not parsed in every comparison: long runs read history thousands of times.
    return this.messages
      .filter((m) => m.channel === channel && !m.deleted)
      .map((m) => ({ m, key: tsKey(m.ts) }))
      .sort((a, b) => b.key - a.key)
      .map(({ m }) => m)
  }

  /**
   * What a duplicate would look like: delivery ids stamped on more than one posted message
   * (deleted ones included), and items with more than one live bot message in one channel.
   */
  duplicates(): { deliveries: string[]; items: string[] } {
    const byDelivery = new Map<string, number>()
    const liveByItem = new Map<string, number>()
    for (const m of this.messages) {
      if (!m.botId) continue
      const payload = m.metadata?.event_payload ?? {}
      const delivery = payload.delivery_id
      if (typeof delivery === 'string')
        byDelivery.set(delivery, (byDelivery.get(delivery) ?? 0) + 1)
      if (m.deleted || typeof payload.item_id !== 'string') continue
      const collection = typeof payload.item_collection === 'string' ? payload.item_collection : ''
      const key = `${m.channel}:${collection}:${payload.item_id}`
      liveByItem.set(key, (liveByItem.get(key) ?? 0) + 1)
    }
    const many = (counts: Map<string, number>) =>
      [...counts].filter(([, n]) => n > 1).map(([key]) => key)
    return { deliveries: many(byDelivery), items: many(liveByItem) }
  }
}

/**
 * A `ts` as one exact number, microseconds since the epoch: below 2^53 until the year 2255, so
 * unlike `Number(ts)` it keeps every digit.
 */
export function tsKey(ts: string): number {
  const [seconds = '0', fraction = '0'] = ts.split('.')
  return Number(seconds) * 1_000_000 + Number(fraction.padEnd(6, '0').slice(0, 6))
}

/** Orders Slack timestamps exactly (as numbers they would lose their last digits). */
export function compareTs(a: string, b: string): number {
  const [as = '0', af = '0'] = a.split('.')
  const [bs = '0', bf = '0'] = b.split('.')
  return Number(as) - Number(bs) || Number(af.padEnd(6, '0')) - Number(bf.padEnd(6, '0'))
}

function itemIdOf(metadata: MessageMetadata | undefined): string {
  const id = metadata?.event_payload.item_id
  return typeof id === 'string' ? id : ''
}
