import type { Payload, PayloadRequest } from 'payload'

import type { Receipt } from '../../channels/contract'
import type { Delivery } from '../payload-types'

export type LedgerRow = Pick<
  Delivery,
  | 'id'
  | 'channel'
  | 'target'
  | 'targetName'
  | 'action'
  | 'status'
  | 'revision'
  | 'snapshot'
  | 'receipt'
> &
  Partial<Pick<Delivery, 'attempts'>>

/** Every ledger row of one item (by its uid), newest first, grouped by `channel target`. */
export async function ledgerRowsByKey(
  payload: Payload,
  itemUid: string,
  req?: Partial<PayloadRequest>,
): Promise<Map<string, LedgerRow[]>> {
  const { docs } = await payload.find({
    collection: 'deliveries',
    where: { itemUid: { equals: itemUid } },
    sort: '-id',
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const byKey = new Map<string, LedgerRow[]>()
  for (const row of docs) {
    const key = targetKey(row.channel, row.target)
    byKey.set(key, [...(byKey.get(key) ?? []), row])
  }
  return byKey
}

export function targetKey(channel: string, target: string): string {
  return `${channel}\u0000${target}`
}

/** Rows that still say something about the copy (superseded and cancelled ones never ran). */
export function effective(rows: readonly LedgerRow[]): LedgerRow[] {
  return rows.filter((row) => row.status !== 'superseded' && row.status !== 'cancelled')
}

/**
 * The receipt of the copy that is out there now, if any: the newest delivered publish or update
 * that no delivered retraction came after. Rows are newest first.
 */
export function currentCopy(rows: readonly LedgerRow[], excludeId?: number): Receipt | undefined {
  for (const row of rows) {
    if (row.id === excludeId || row.status !== 'delivered') continue
    if (row.action === 'retract') return undefined
    return (row.receipt ?? {}) as Receipt
  }
  return undefined
}

/**
 * Whether a row may have put a copy out that the ledger has no receipt for: an attempt started
 * (in flight, or attempted and then failed, superseded or cancelled) and may have landed before
 * it failed, as a created-then-500 or a worker killed mid-call does.
 */
export function mayHaveLanded(row: LedgerRow): boolean {
  if (row.action === 'retract' || row.status === 'delivered') return false
  return row.status === 'in_flight' || Number(row.attempts ?? 0) > 0
}

/**
 * The rows since the last delivered copy or retraction that may have left a copy out, newest
 * first. Rows are newest first.
 */
export function uncertainCopies(rows: readonly LedgerRow[], excludeId?: number): LedgerRow[] {
  const found: LedgerRow[] = []
  for (const row of rows) {
    if (row.id === excludeId) continue
    if (row.status === 'delivered') break
    if (mayHaveLanded(row)) found.push(row)
  }
  return found
}
