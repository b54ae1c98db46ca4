import type { Payload, PayloadRequest, Where } from 'payload'

import { inTransaction } from './inTransaction'

/** Where one entry lives: a pull channel's target and the item (by its ledger uid). */
export type EntryKey = { channel: string; target: string; itemUid: string }

/** What a channel's deliver hands the store for one item on one target. */
export type EntryInput<E> = {
  itemUid: string
  /** Newest first: publication time, or an event's start. */
  sortAt: Date
  revision: number
  entry: E
  /** Kept as cancelled until then when retracted (events). */
  endsAt?: Date | null
  /** Left out of every rebuild from then on. */
  expiresAt?: Date | null
}

/** One entry as a rebuild reads it. */
export type PullEntry<E> = {
  itemUid: string
  sortAt: Date
  revision: number
  /** Raised on every change (iCalendar SEQUENCE). */
  sequence: number
  cancelled: boolean
  entry: E
}

type Row = {
  id: number | string
  itemUid: string
  sortAt: string
  revision: number
  sequence: number
  cancelled: boolean
  removed: boolean
  endsAt?: string | null
  entry: unknown
  updatedAt: string
}

const COLLECTION = 'pull-entries'

// Written through the database adapter, not the Local API: these rows are the channel's own
// bookkeeping (no hooks, access or document locks to run), and a drain writes thousands.

/**
 * Puts the item on the target at this revision (insert or replace). The sequence rises when the
 * revision changes or a removed or cancelled entry comes back; the same revision again (a retry)
 * changes nothing but the stored entry.
 */
export async function upsertEntry<E>(
  payload: Payload,
  target: Omit<EntryKey, 'itemUid'>,
  input: EntryInput<E>,
): Promise<PullEntry<E>> {
  const key = { ...target, itemUid: input.itemUid }
  return inTransaction(payload, (req) => upsertIn(payload, req, key, input))
}

async function upsertIn<E>(
  payload: Payload,
  req: Partial<PayloadRequest>,
  key: EntryKey,
  input: EntryInput<E>,
): Promise<PullEntry<E>> {
  const existing = await findRow(payload, key, req)
  const sequence = !existing
    ? 0
    : existing.removed || existing.cancelled || Number(existing.revision) !== input.revision
      ? Number(existing.sequence) + 1
      : Number(existing.sequence)
  const data = {
    ...key,
    updatedAt: new Date().toISOString(),
    sortAt: input.sortAt.toISOString(),
    revision: input.revision,
    sequence,
    cancelled: false,
    removed: false,
    endsAt: input.endsAt?.toISOString() ?? null,
    expiresAt: input.expiresAt?.toISOString() ?? null,
    entry: input.entry as Record<string, unknown>,
  }
  if (existing) {
    await payload.db.updateOne({
      collection: COLLECTION,
      id: existing.id,
      data,
      returning: false,
      req,
    })
  } else {
    await payload.db.create({ collection: COLLECTION, data, returning: false, req })
  }
  return {
    itemUid: input.itemUid,
    sortAt: input.sortAt,
    revision: input.revision,
    sequence,
    cancelled: false,
    entry: input.entry,
  }
}

/**
 * Takes the item off the target. With `keepCancelled`, an entry whose `endsAt` is still ahead
 * (an event that has not ended) stays, marked cancelled with a raised sequence, so calendars
 * that had it see the cancellation; otherwise it is marked removed and never rendered again.
 * Idempotent.
 */
export async function removeEntry(
  payload: Payload,
  key: EntryKey,
  options: { now: Date; keepCancelled?: boolean },
): Promise<'removed' | 'cancelled' | 'absent'> {
  return inTransaction(payload, (req) => removeIn(payload, req, key, options))
}

async function removeIn(
  payload: Payload,
  req: Partial<PayloadRequest>,
  key: EntryKey,
  options: { now: Date; keepCancelled?: boolean },
): Promise<'removed' | 'cancelled' | 'absent'> {
  const existing = await findRow(payload, key, req)
  if (!existing || existing.removed) return 'absent'
  const endsAt = existing.endsAt ? Date.parse(existing.endsAt) : NaN
  const cancel = options.keepCancelled === true && endsAt > options.now.getTime()
  if (cancel && existing.cancelled) return 'cancelled'
  const updatedAt = new Date().toISOString()
  await payload.db.updateOne({
    collection: COLLECTION,
    id: existing.id,
    data: cancel
      ? { cancelled: true, sequence: Number(existing.sequence) + 1, updatedAt }
      : { removed: true, updatedAt },
    returning: false,
    req,
  })
  return cancel ? 'cancelled' : 'removed'
}

/** Whether the item is on the target (delivered and not retracted). */
export async function hasEntry(payload: Payload, key: EntryKey): Promise<boolean> {
  const row = await findRow(payload, key)
  return row !== undefined && !row.removed && !row.cancelled
}

/**
 * The entries a rebuild renders, newest first: not removed, not expired, and cancelled ones only
 * until they end.
 */
export async function listEntries<E>(
  payload: Payload,
  target: Omit<EntryKey, 'itemUid'>,
  options: { now: Date; limit: number },
): Promise<PullEntry<E>[]> {
  const now = options.now.toISOString()
  const where: Where = {
    and: [
      { channel: { equals: target.channel } },
      { target: { equals: target.target } },
      { removed: { equals: false } },
      { or: [{ expiresAt: { exists: false } }, { expiresAt: { greater_than: now } }] },
      {
        or: [
          { cancelled: { equals: false } },
          { endsAt: { exists: false } },
          { endsAt: { greater_than: now } },
        ],
      },
    ],
  }
  const { docs } = await payload.db.find({
    collection: COLLECTION,
    where,
    sort: '-sortAt',
    limit: options.limit,
    pagination: false,
  })
  return (docs as unknown as Row[]).map((row) => ({
    itemUid: row.itemUid,
    sortAt: new Date(row.sortAt),
    revision: Number(row.revision),
    sequence: Number(row.sequence),
    cancelled: Boolean(row.cancelled),
    entry: row.entry as E,
  }))
}

/**
 * When the target's entries last changed, removals included (ms, 0 for none): the snapshot's
 * generation and Last-Modified. Read before the entries, so a change that lands during a
 * rebuild gives the next rebuild a higher generation.
 */
export async function entriesGeneration(
  payload: Payload,
  target: Omit<EntryKey, 'itemUid'>,
): Promise<number> {
  const { docs } = await payload.db.find({
    collection: COLLECTION,
    where: {
      and: [{ channel: { equals: target.channel } }, { target: { equals: target.target } }],
    },
    select: { updatedAt: true },
    sort: '-updatedAt',
    limit: 1,
    pagination: false,
  })
  const newest = (docs[0] as unknown as Row | undefined)?.updatedAt
  return newest ? Date.parse(newest) : 0
}

async function findRow(
  payload: Payload,
  key: EntryKey,
  req?: Partial<PayloadRequest>,
): Promise<Row | undefined> {
  const { docs } = await payload.db.find({
    collection: COLLECTION,
    where: {
      and: [
        { channel: { equals: key.channel } },
        { target: { equals: key.target } },
        { itemUid: { equals: key.itemUid } },
      ],
    },
    select: {
      itemUid: true,
      revision: true,
      sequence: true,
      cancelled: true,
      removed: true,
      endsAt: true,
      updatedAt: true,
    },
    limit: 1,
    pagination: false,
    req,
  })
  return docs[0] as unknown as Row | undefined
}
