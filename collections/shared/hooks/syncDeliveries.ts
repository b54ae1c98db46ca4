import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import type { ItemCollection } from '../../../channels/contract'
import { now } from '../../../src/clock'
import { activeRegistry, notifyEnqueued } from '../../../src/outbox/activeRegistry'
import { syncItemDeliveries } from '../../../src/outbox/syncItemDeliveries'

/**
 * Item hooks hand every change to the ledger with the hook's `req`, so the delivery rows
 * commit or roll back with the content. They never call a channel: dispatch does, later.
 */
export const syncDeliveriesAfterChange: CollectionAfterChangeHook = async ({
  collection,
  doc,
  req,
}) => {
  const registry = activeRegistry()
  if (registry) {
    const enqueued = await syncItemDeliveries({
      payload: req.payload,
      req,
      registry,
      collection: collection.slug as ItemCollection,
      id: (doc as { id: number | string }).id,
      now: now(),
    })
    if (enqueued > 0) notifyEnqueued()
  }
  return doc as unknown
}

export const syncDeliveriesAfterDelete: CollectionAfterDeleteHook = async ({
  collection,
  doc,
  id,
  req,
}) => {
  const registry = activeRegistry()
  if (registry) {
    const enqueued = await syncItemDeliveries({
      payload: req.payload,
      req,
      registry,
      collection: collection.slug as ItemCollection,
      id,
      now: now(),
      deleted: true,
      uid: (doc as { uid?: string | null }).uid,
    })
    if (enqueued > 0) notifyEnqueued()
  }
}
