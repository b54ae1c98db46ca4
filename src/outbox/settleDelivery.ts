import type { Payload } from 'payload'

import type { Receipt } from '../../channels/contract'
import { nextRetryDelaySeconds } from './backoff'
import type { ClaimedDelivery } from './claimDue'
import type { AttemptOutcome, DeliveryStatus } from './deliveryStates'
import { isPostgres, runLedgerTransaction } from './ledgerSql'
import { pgStatement, SETTLE_SQL } from './pgStatements'
import { attemptsInsert, settleParameters, settleStatements } from './settleSql'

export type Settlement =
  | { outcome: 'delivered'; statusCode?: number; receipt?: Receipt }
  | {
      outcome: Exclude<AttemptOutcome, 'delivered'>
      error: string
      statusCode?: number
      retryAfterSeconds?: number
    }

export type SettleContext = {
  now: Date
  startedAt: Date
  worker: string
  random?: () => number
}

export type SettleResult = { status: DeliveryStatus | 'lease-lost'; nextAttemptAt?: Date }

/** The state an attempt's outcome leads to, and when to try again. */
export function nextState(
  claimed: Pick<ClaimedDelivery, 'attempts'>,
  settlement: Settlement,
  now: Date,
  random?: () => number,
): { status: DeliveryStatus; nextAttemptAt?: Date } {
  switch (settlement.outcome) {
    case 'delivered':
      return { status: 'delivered' }
    case 'permanent':
    case 'gone':
      return { status: 'dead' }
    case 'transient':
    case 'rate-limited': {
      const delay = nextRetryDelaySeconds({
        attempts: claimed.attempts,
        retryAfterSeconds: settlement.retryAfterSeconds,
        random,
      })
      if (delay === null) return { status: 'dead' }
      return { status: 'retrying', nextAttemptAt: new Date(now.getTime() + delay * 1000) }
    }
  }
}

export type SettleEntry = {
  claimed: Pick<ClaimedDelivery, 'id' | 'leaseToken' | 'attempts'>
  settlement: Settlement
  ctx: SettleContext
}

/**
 * Records an attempt and moves the delivery on, but only while the caller still holds the
 * lease: a worker that stalled past its lease (and whose row another worker has since claimed)
 * gets `lease-lost` and changes nothing but the attempt log.
 */
export async function settleDelivery(
  payload: Payload,
  claimed: SettleEntry['claimed'],
  settlement: Settlement,
  ctx: SettleContext,
): Promise<SettleResult> {
  const [result] = await settleDeliveries(payload, [{ claimed, settlement, ctx }])
  if (!result) throw new Error('settleDeliveries returned no result')
  return result
}

/**
 * `settleDelivery` for many attempts in one transaction: the dispatcher settles what finished
 * together, so a delivery costs a share of one commit instead of a commit of its own.
 */
export async function settleDeliveries(
  payload: Payload,
  entries: readonly SettleEntry[],
): Promise<SettleResult[]> {
  if (entries.length === 0) return []
  const nexts = entries.map((e) => nextState(e.claimed, e.settlement, e.ctx.now, e.ctx.random))
  const outcome = (settled: Set<number>) =>
    entries.map((entry, i): SettleResult => {
      const next = nexts[i]
      return next && settled.has(entry.claimed.id) ? next : { status: 'lease-lost' }
    })
  if (isPostgres(payload)) {
    const rows = await pgStatement(
      payload,
      'hub_settle',
      SETTLE_SQL,
    )(settleParameters(entries, nexts))
    return outcome(new Set(rows.map((row) => Number(row.id))))
  }
  return runLedgerTransaction(payload, async (exec) => {
    const settled = new Set<number>()
    for (const statement of settleStatements(entries, nexts)) {
      for (const row of await exec(statement)) settled.add(Number(row.id))
    }
    await exec(attemptsInsert(entries))
    return outcome(settled)
  })
}
