import type { Payload, PayloadRequest } from 'payload'

import type { ChannelAdapter, ChannelItem, ItemCollection, Target } from '../../channels/contract'
import { audienceAllows } from '../../channels/contract'
import type { ChannelRegistry } from '../../channels/registry'
import type { DeliveryAction } from './deliveryStates'
import { isLive } from './isLive'
import { channelImage } from './channelImage'
import { itemSnapshot } from './itemSnapshot'
import { runLedgerStatementIn, sql } from './ledgerSql'
import { itemTaxonomy } from './itemTaxonomy'
import {
  currentCopy,
  uncertainCopies,
  effective,
  type LedgerRow,
  ledgerRowsByKey,
  targetKey,
} from './ledgerRows'

export type SyncArgs = {
  payload: Payload
  /** The hook's request: rows commit or roll back with the content write. */
  req?: Partial<PayloadRequest>
  registry: ChannelRegistry
  collection: ItemCollection
  id: number | string
  now: Date
  /** The item is gone: retract every copy. Needs `uid`, since the item can no longer be read. */
  deleted?: boolean
  uid?: string | null
}

type Plan = { channel: string; target: Target; action: DeliveryAction; item: ChannelItem }

/**
 * Brings the ledger in line with the item's live state: a delivery for each copy that should
 * exist and is not yet on its way at this revision, a retraction for each copy that should not
 * exist, and older pending work that a newer decision makes pointless marked superseded or
 * cancelled. Reads the live (published) document itself, so a draft save changes nothing.
 * Idempotent: calling it twice for the same state enqueues nothing the second time.
 */
export async function syncItemDeliveries(args: SyncArgs): Promise<number> {
  const { payload, req, registry, collection, now } = args
  const id = String(args.id)
  const live = args.deleted
    ? null
    : await payload.findByID({
        collection,
        id,
        draft: false,
        depth: 0,
        overrideAccess: true,
        disableErrors: true,
        req,
      })
  const uid = live?.uid ?? args.uid
  if (!uid) return 0
  const item =
    live && isLive(live, now)
      ? itemSnapshot(
          collection,
          live,
          await channelImage(payload, live, req),
          await itemTaxonomy(payload, live, req),
        )
      : null
  const chosen = new Set<string>(item ? (live?.channels ?? []) : [])
  const ledger = await ledgerRowsByKey(payload, uid, req)
  const plans: Plan[] = []
  for (const adapter of registry.all()) {
    const targets = item && chosen.has(adapter.name) ? await adapter.targets() : []
    const wanted = new Map(
      targets.filter((t) => item && accepted(adapter, item, t)).map((t) => [t.id, t]),
    )
    const known = [...ledger.keys()].filter((key) => key.startsWith(targetKey(adapter.name, '')))
    const targetIds = new Set([
      ...wanted.keys(),
      ...known.map((key) => key.slice(adapter.name.length + 1)),
    ])
    for (const targetId of targetIds) {
      const rows = effective(ledger.get(targetKey(adapter.name, targetId)) ?? [])
      const target = wanted.get(targetId)
      const plan =
        target && item
          ? await planCopy(payload, rows, item, req, now)
          : await planRetraction(payload, rows, req, now)
      if (plan)
        plans.push({ channel: adapter.name, target: target ?? targetOf(rows, targetId), ...plan })
    }
  }
  for (const plan of plans) await enqueue(payload, req, { collection, id, uid, now }, plan)
  return plans.length
}

function accepted(adapter: ChannelAdapter, item: ChannelItem, target: Target): boolean {
  return audienceAllows(item, target) === true && adapter.accepts(item, target) === true
}

function targetOf(rows: readonly LedgerRow[], id: string): Target {
  return { id, name: rows[0]?.targetName ?? undefined, public: true }
}

/**
 * A copy should exist at this revision: publish it, or update the copy that is out (or in
 * flight). Pending work for older revisions is superseded: only the newest revision goes out.
 */
async function planCopy(
  payload: Payload,
  rows: readonly LedgerRow[],
  item: ChannelItem,
  req: Partial<PayloadRequest> | undefined,
  now: Date,
): Promise<Omit<Plan, 'channel' | 'target'> | null> {
  const latest = rows[0]
  if (
    latest &&
    latest.action !== 'retract' &&
    latest.revision === item.revision &&
    latest.status !== 'dead'
  ) {
    return null
  }
  for (const row of rows) {
    if (row.action !== 'retract' && (row.status === 'pending' || row.status === 'retrying')) {
      await setIfWaiting(payload, req, row.id, 'superseded', now)
    }
  }
  const inFlight = rows.some((row) => row.action !== 'retract' && row.status === 'in_flight')
  const action: DeliveryAction = currentCopy(rows) || inFlight ? 'update' : 'publish'
  return { action, item }
}

/** No copy should exist: cancel work that has not started, retract what is (or may be) out. */
async function planRetraction(
  payload: Payload,
  rows: readonly LedgerRow[],
  req: Partial<PayloadRequest> | undefined,
  now: Date,
): Promise<Omit<Plan, 'channel' | 'target'> | null> {
  const latest = rows[0]
  if (!latest || latest.action === 'retract') return null
  for (const row of rows) {
    if (row.action !== 'retract' && (row.status === 'pending' || row.status === 'retrying')) {
      await setIfWaiting(payload, req, row.id, 'cancelled', now)
    }
  }
  // A publish that failed after it may have landed still gets its retraction: the dispatcher
  // then looks the copy up (adapter `find`) before deciding there is nothing to take down.
  const mayBeOut = currentCopy(rows) !== undefined || uncertainCopies(rows).length > 0
  if (!mayBeOut) return null
  return { action: 'retract', item: latest.snapshot as ChannelItem }
}

/**
 * Supersedes or cancels a row only while it is still waiting (pending or retrying), in one
 * conditional statement: a worker may have claimed it since the rows were read, and a claimed
 * row must be left to finish (its settlement only applies to a row still in flight, so marking
 * it here would hide a copy that went out). What is enqueued next waits behind it, and gets its
 * receipt as the prior copy.
 */
async function setIfWaiting(
  payload: Payload,
  req: Partial<PayloadRequest> | undefined,
  id: number,
  status: 'superseded' | 'cancelled',
  now: Date,
): Promise<void> {
  await runLedgerStatementIn(
    payload,
    req,
    sql`UPDATE deliveries SET status = ${status}, updated_at = ${now.toISOString()}
        WHERE id = ${id} AND status IN ('pending', 'retrying')`,
  )
}

async function enqueue(
  payload: Payload,
  req: Partial<PayloadRequest> | undefined,
  ref: { collection: ItemCollection; id: string; uid: string; now: Date },
  plan: Plan,
): Promise<void> {
  const { collection, id, uid, now } = ref
  const key = `${uid}:${plan.item.revision}:${plan.channel}:${plan.target.id}:${plan.action}`
  const existing = await payload.count({
    collection: 'deliveries',
    where: { idempotencyKey: { equals: key } },
    overrideAccess: true,
    req,
  })
  if (existing.totalDocs > 0) return
  await payload.create({
    collection: 'deliveries',
    data: {
      itemCollection: collection,
      itemId: id,
      itemUid: uid,
      itemTitle: plan.item.title,
      revision: plan.item.revision,
      channel: plan.channel,
      target: plan.target.id,
      targetName: plan.target.name ?? plan.target.id,
      action: plan.action,
      status: 'pending',
      attempts: 0,
      // Due now, not "due whenever" (NULL): the claim takes rows in due order, so a retry that
      // came due waits behind no more than what came due before it.
      nextAttemptAt: now.toISOString(),
      idempotencyKey: key,
      snapshot: plan.item,
    },
    overrideAccess: true,
    req,
  })
}
