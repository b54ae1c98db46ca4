import type { Payload } from 'payload'

import type { Receipt } from '../../channels/contract'
import type { ClaimedDelivery } from './claimDue'
import { currentCopy, type LedgerRow, targetKey, uncertainCopies } from './ledgerRows'
import { jsonColumn, runLedgerStatement, sql } from './ledgerSql'

/** What the ledger knows about the copy a claimed delivery replaces or retracts. */
export type CopyHistory = {
  /** The receipt of the copy that is out (see `currentCopy`). */
  prior?: Receipt
  /** Earlier attempts that may have left a copy the ledger has no receipt for, newest first. */
  uncertain: { id: number; snapshot: unknown }[]
}

/**
 * `CopyHistory` for a whole claim in one query: the claimed items' delivered rows and the rows
 * whose attempts may have landed, newest first.
 */
export async function copyHistories(
  payload: Payload,
  claimed: readonly ClaimedDelivery[],
): Promise<Map<number, CopyHistory>> {
  const histories = new Map<number, CopyHistory>()
  if (claimed.length === 0) return histories
  const uids = [...new Set(claimed.map((c) => c.itemUid))]
  const rows = await runLedgerStatement(
    payload,
    sql`SELECT id, channel, target, action, status, attempts, item_uid,
          CASE WHEN status = 'delivered' THEN receipt END AS receipt,
          CASE WHEN status = 'delivered' THEN NULL ELSE snapshot END AS snapshot
        FROM deliveries
        WHERE item_uid IN (${sql.join(
          uids.map((uid) => sql`${uid}`),
          sql`, `,
        )}) AND (status IN ('delivered', 'in_flight') OR attempts > 0)
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
      status: String(row.status) as LedgerRow['status'],
      attempts: Number(row.attempts),
      receipt: jsonColumn(row.receipt) as LedgerRow['receipt'],
      snapshot: jsonColumn(row.snapshot) as LedgerRow['snapshot'],
    } as LedgerRow)
    byKey.set(key, list)
  }
  for (const c of claimed) {
    const key = `${c.itemUid}\u0000${targetKey(c.channel, c.target)}`
    const list = byKey.get(key) ?? []
    histories.set(c.id, {
      prior: currentCopy(list, c.id),
      uncertain: uncertainCopies(list.filter((row) => row.id < c.id)).map((row) => ({
        id: row.id,
        snapshot: row.snapshot,
      })),
    })
  }
  return histories
}
