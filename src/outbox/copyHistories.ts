import type { Payload } from 'payload'

import type { Receipt } from '../../channels/contract'
import type { ClaimedDelivery } from './claimDue'
import { currentCopy, type LedgerRow, targetKey, uncertainCopies } from './ledgerRows'
import { isPostgres, jsonColumn, type Row, runLedgerStatement, sql } from './ledgerSql'
import { HISTORY_SQL, pgStatement } from './pgStatements'

/** What the ledger knows about the copy a claimed delivery replaces or retracts. */
export type CopyHistory = {
  /** The receipt of the copy that is out (see `currentCopy`). */
  prior?: Receipt
  /** Earlier attempts that may have left a copy the ledger has no receipt for, newest first. */
  uncertain: { id: number; snapshot: unknown }[]
}

/**
 * `CopyHistory` for a whole claim in one query: the claimed items' delivered rows and the rows
 * whose attempts may have landed, newest first. Rows the claim knows to have no history (a first
 * publish to a target, the bulk of a busy ledger) need no query at all.
 */
export async function copyHistories(
  payload: Payload,
  claimed: readonly ClaimedDelivery[],
): Promise<Map<number, CopyHistory>> {
  const histories = new Map<number, CopyHistory>()
  const asking = claimed.filter((c) => c.hasHistory)
  for (const c of claimed) if (!c.hasHistory) histories.set(c.id, { uncertain: [] })
  if (asking.length === 0) return histories
  const rows = await historyRows(payload, asking)
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
  for (const c of asking) {
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

/** The claimed items' rows that can hold a receipt or an uncertain copy, newest first. */
function historyRows(payload: Payload, claimed: readonly ClaimedDelivery[]): Promise<Row[]> {
  const uids = [...new Set(claimed.map((c) => c.itemUid))]
  const ids = claimed.map((c) => c.id)
  if (isPostgres(payload))
    return pgStatement(payload, 'hub_copy_histories', HISTORY_SQL)([uids, ids])
  return runLedgerStatement(
    payload,
    sql`SELECT id, channel, target, action, status, attempts, item_uid,
          CASE WHEN status = 'delivered' THEN receipt END AS receipt,
          CASE WHEN status = 'delivered' THEN NULL ELSE snapshot END AS snapshot
        FROM deliveries
        WHERE item_uid IN (${sql.join(
          uids.map((uid) => sql`${uid}`),
          sql`, `,
        )}) AND id NOT IN (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )}) AND (status IN ('delivered', 'in_flight') OR attempts > 0)
        ORDER BY id DESC`,
  )
}
