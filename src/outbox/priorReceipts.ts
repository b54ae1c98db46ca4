import type { Payload } from 'payload'

import type { Receipt } from '../../channels/contract'
import type { ClaimedDelivery } from './claimDue'
import { currentCopy, type LedgerRow, targetKey } from './ledgerRows'
import { jsonColumn, runLedgerStatement, sql } from './ledgerSql'

/**
 * The copy each claimed delivery replaces or retracts (see `currentCopy`), for a whole claim in
 * one query: the delivered rows of the claimed items, newest first.
 */
export async function priorReceipts(
  payload: Payload,
  claimed: readonly ClaimedDelivery[],
): Promise<Map<number, Receipt | undefined>> {
  const priors = new Map<number, Receipt | undefined>()
  if (claimed.length === 0) return priors
  const uids = [...new Set(claimed.map((c) => c.itemUid))]
  const rows = await runLedgerStatement(
    payload,
    sql`SELECT id, channel, target, action, status, receipt, item_uid FROM deliveries
        WHERE status = 'delivered' AND item_uid IN (${sql.join(
          uids.map((uid) => sql`${uid}`),
          sql`, `,
        )})
        ORDER BY id DESC`,
  )
  const byKey = new Map<string, LedgerRow[]>()
  for (const row of rows) {
    const key = `${String(row.item_uid)}\u0000${targetKey(String(row.channel), String(row.target))}`
    const list = byKey.get(key) ?? []
    list.push({
      id: Number(row.id),
      channel: String(row.channel),
      target: String(row.target),
      action: String(row.action) as LedgerRow['action'],
      status: 'delivered',
      receipt: jsonColumn(row.receipt) as LedgerRow['receipt'],
    } as LedgerRow)
    byKey.set(key, list)
  }
  for (const c of claimed) {
    const key = `${c.itemUid}\u0000${targetKey(c.channel, c.target)}`
    priors.set(c.id, currentCopy(byKey.get(key) ?? [], c.id))
  }
  return priors
}
