import {
  createLocalReq,
  killTransaction,
  commitTransaction,
  initTransaction,
  type Payload,
} from 'payload'

import type { ItemCollection } from '../../channels/contract'
import type { ChannelRegistry } from '../../channels/registry'
import { syncItemDeliveries } from './syncItemDeliveries'

const ITEM_COLLECTIONS: ItemCollection[] = ['news', 'events', 'service-messages']
const BOUNDARIES = ['publishAt', 'embargoUntil', 'expiresAt'] as const

/**
 * Items whose scheduled publication, embargo or expiry fell in (from, to] get their ledger
 * brought in line, each in its own transaction. Safe to run in several processes at once: the
 * sync is idempotent and each delivery's idempotency key is unique, so a process that loses a
 * race rolls back instead of enqueueing twice. Returns how many deliveries were enqueued.
 */
export async function syncDueItems(args: {
  payload: Payload
  registry: ChannelRegistry
  from: Date
  to: Date
  onError?: (err: unknown) => void
}): Promise<number> {
  const { payload, registry, from, to } = args
  let enqueued = 0
  for (const collection of ITEM_COLLECTIONS) {
    const { docs } = await payload.find({
      collection,
      where: {
        or: BOUNDARIES.map((field) => ({
          and: [
            { [field]: { greater_than: from.toISOString() } },
            { [field]: { less_than_equal: to.toISOString() } },
          ],
        })),
      },
      depth: 0,
      pagination: false,
      select: {},
      overrideAccess: true,
    })
    for (const doc of docs) {
      const req = await createLocalReq({}, payload)
      await initTransaction(req)
      try {
        enqueued += await syncItemDeliveries({
          payload,
          req,
          registry,
          collection,
          id: doc.id,
          now: to,
        })
        await commitTransaction(req)
      } catch (err) {
        await killTransaction(req)
        args.onError?.(err)
      }
    }
  }
  return enqueued
}
