import type { Payload } from 'payload'

import { type DispatchOptions, dispatchDue } from '../../src/outbox/dispatchDue'

/** Dispatches rounds until nothing is due; returns how many attempts were made in all. */
export async function dispatchUntilIdle(options: DispatchOptions): Promise<number> {
  let total = 0
  for (;;) {
    const n = await dispatchDue(options)
    if (n === 0) return total
    total += n
  }
}

/** An item's ledger rows by its uid, oldest first. */
export async function deliveriesOf(payload: Payload, uid: string) {
  const { docs } = await payload.find({
    collection: 'deliveries',
    where: { itemUid: { equals: uid } },
    sort: 'id',
    depth: 0,
  })
  return docs
}
