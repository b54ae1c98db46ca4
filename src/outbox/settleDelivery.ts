import type { Payload } from 'payload'

import type { Receipt } from '../../channels/contract'
import { nextRetryDelaySeconds } from './backoff'
import type { ClaimedDelivery } from './claimDue'
import type { AttemptOutcome, DeliveryStatus } from './deliveryStates'
import { runLedgerStatement, sql } from './ledgerSql'

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

/**
 * Records an attempt and moves the delivery on, but only while the caller still holds the
 * lease: a worker that stalled past its lease (and whose row another worker has since claimed)
 * gets `lease-lost` and changes nothing but the attempt log.
 */
export async function settleDelivery(
  payload: Payload,
  claimed: ClaimedDelivery,
  settlement: Settlement,
  ctx: SettleContext,
): Promise<SettleResult> {
  const next = nextState(claimed, settlement, ctx.now, ctx.random)
  const now = ctx.now.toISOString()
  const error = settlement.outcome === 'delivered' ? null : settlement.error.slice(0, 2000)
  const delivered = settlement.outcome === 'delivered' ? settlement : undefined
  const rows = await runLedgerStatement(
    payload,
    sql`UPDATE deliveries SET status = ${next.status},
          next_attempt_at = ${next.nextAttemptAt?.toISOString() ?? null},
          lease_token = NULL, lease_until = NULL, updated_at = ${now},
          last_status_code = ${settlement.statusCode ?? null},
          last_error = ${error},
          delivered_at = ${delivered ? now : null},
          receipt = COALESCE(${delivered?.receipt ? JSON.stringify(delivered.receipt) : null}, receipt),
          external_id = COALESCE(${delivered?.receipt?.externalId ?? null}, external_id),
          external_url = COALESCE(${delivered?.receipt?.externalUrl ?? null}, external_url)
        WHERE id = ${claimed.id} AND lease_token = ${claimed.leaseToken} AND status = 'in_flight'
        RETURNING id`,
  )
  await payload.create({
    collection: 'delivery-attempts',
    data: {
      delivery: claimed.id,
      attempt: claimed.attempts,
      startedAt: ctx.startedAt.toISOString(),
      durationMs: ctx.now.getTime() - ctx.startedAt.getTime(),
      statusCode: settlement.statusCode ?? null,
      outcome: settlement.outcome,
      error,
      worker: ctx.worker,
    },
  })
  if (rows.length === 0) return { status: 'lease-lost' }
  return next
}
