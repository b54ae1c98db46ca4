import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import type { ItemCollection } from '../../../channels/contract'
import { now } from '../../../src/clock'
import { activeRegistry, notifyEnqueued } from '../../../src/outbox/activeRegistry'
import { syncItemDeliveries } from '../../../src/outbox/syncItemDeliveries'

/**
 * Item hooks hand every change to the ledger with the hook's `req`, so the delivery rows
 * commit or roll back with the content. They never call a channel: dispatch does, later.
 */
async function syncAndNotify(
  req: PayloadRequest,
  collection: string,
  id: number | string,
  deleted?: { uid?: string | null },
): Promise<void> {
  const registry = activeRegistry()
  if (!registry) return
  const enqueued = await syncItemDeliveries({
    payload: req.payload,
    req,
    registry,
    collection: collection as ItemCollection,
    id,
    now: now(),
    ...(deleted ? { deleted: true, uid: deleted.uid } : {}),
  })
  if (enqueued > 0) notifyEnqueued()
}

export const syncDeliveriesAfterChange: CollectionAfterChangeHook = async ({
  collection,
  doc,
  req,
}) => {
  await syncAndNotify(req, collection.slug, (doc as { id: number | string }).id)
  return doc as unknown
}

export const syncDeliveriesAfterDelete: CollectionAfterDeleteHook = async ({
  collection,
  doc,
  id,
  req,
}) => {
  await syncAndNotify(req, collection.slug, id, { uid: (doc as { uid?: string | null }).uid })
}
