import type { Payload, PayloadRequest } from 'payload'

import { now } from '../../src/clock'
import { activeRegistry, notifyEnqueued } from '../../src/outbox/activeRegistry'
import { syncItemDeliveries } from '../../src/outbox/syncItemDeliveries'
import type { ItemCollection } from '../contract'

const ITEM_COLLECTIONS: ItemCollection[] = ['news', 'events', 'service-messages']
const PAGE = 200

/**
 * Brings the ledger in line for every item that chooses signage, after a screen was added,
 * removed or its rules changed: the outbox enqueues a publish for each item the screen now
 * takes and a retraction for each it no longer does (a new screen starts with what is live,
 * not empty). Runs in the screen save's transaction. Returns how many deliveries were enqueued.
 */
export async function resyncScreenItems(
  payload: Payload,
  req: Partial<PayloadRequest>,
): Promise<number> {
  const registry = activeRegistry()
  if (!registry?.get('signage')) return 0
  let enqueued = 0
  for (const collection of ITEM_COLLECTIONS) {
    for (let page = 1; ; page++) {
      const found = await payload.find({
        collection,
        where: { channels: { in: ['signage'] } },
        depth: 0,
        limit: PAGE,
        page,
        select: {},
        overrideAccess: true,
        req,
      })
      for (const doc of found.docs) {
        enqueued += await syncItemDeliveries({
          payload,
          req,
          registry,
          collection,
          id: doc.id,
          now: now(),
        })
      }
      if (!found.hasNextPage) break
    }
  }
  if (enqueued > 0) notifyEnqueued()
  return enqueued
}
