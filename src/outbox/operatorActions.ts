import type { Payload } from 'payload'

import { isLive } from './isLive'
import { itemSnapshot } from './itemSnapshot'
import { runLedgerStatement, sql } from './ledgerSql'

export type OperatorResult = { changed: boolean; status?: string; reason?: string }

/**
 * Redrive: a dead or cancelled delivery goes back in the queue to be tried now, with a fresh set
 * of attempts — but only while it is still the right thing to send: nothing newer has been
 * decided for the same item and target, and a publish or update still matches the live item
 * (redriving a withdrawn or outdated copy would put back what editors took down or changed).
 */
export async function redriveDelivery(
  payload: Payload,
  id: number,
  now: Date,
): Promise<OperatorResult> {
  const row = await payload.findByID({
    collection: 'deliveries',
    id,
    depth: 0,
    overrideAccess: true,
  })
  const newer = await payload.count({
    collection: 'deliveries',
    where: {
      and: [
        { itemUid: { equals: row.itemUid } },
        { channel: { equals: row.channel } },
        { target: { equals: row.target } },
        { id: { greater_than: id } },
        { status: { not_in: ['superseded', 'cancelled'] } },
      ],
    },
    overrideAccess: true,
  })
  if (newer.totalDocs > 0)
    return { changed: false, reason: 'En nyere leveranse for samme sak og mottaker finnes.' }
  if (row.action !== 'retract') {
    const collection = row.itemCollection
    const live = await payload.findByID({
      collection,
      id: row.itemId,
      draft: false,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
    })
    if (!live || !isLive(live, now) || itemSnapshot(collection, live).revision !== row.revision) {
      return { changed: false, reason: 'Saken er endret eller ikke lenger publisert.' }
    }
  }
  const rows = await runLedgerStatement(
    payload,
    sql`UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = ${now.toISOString()},
          lease_token = NULL, lease_until = NULL, updated_at = ${now.toISOString()}
        WHERE id = ${id} AND status IN ('dead', 'cancelled')
        RETURNING status`,
  )
  return rows.length > 0
    ? { changed: true, status: 'pending' }
    : {
        changed: false,
        reason: 'Bare leveranser som har feilet eller er avbrutt kan sendes på nytt.',
      }
}

/** Cancel: a delivery that has not gone out yet never will. One in flight finishes its attempt. */
export async function cancelDelivery(
  payload: Payload,
  id: number,
  now: Date,
): Promise<OperatorResult> {
  const rows = await runLedgerStatement(
    payload,
    sql`UPDATE deliveries SET status = 'cancelled', next_attempt_at = NULL, updated_at = ${now.toISOString()}
        WHERE id = ${id} AND status IN ('pending', 'retrying')
        RETURNING status`,
  )
  return rows.length > 0
    ? { changed: true, status: 'cancelled' }
    : { changed: false, reason: 'Bare leveranser som venter kan avbrytes.' }
}
