import type { Payload } from 'payload'

import type {
  ChannelAdapter,
  ChannelItem,
  DeliverContext,
  Receipt,
  RenderContext,
  Target,
} from '../../channels/contract'
import { classifyError, PermanentDeliveryError } from '../../channels/errors'
import type { ChannelRegistry } from '../../channels/registry'
import { publicUrl } from '../config/env'
import type { ClaimedDelivery } from './claimDue'
import type { CopyHistory } from './copyHistories'
import type { SettleQueue } from './createSettleQueue'
import type { Settlement, SettleResult } from './settleDelivery'

/** What one attempt needs from the round that claimed it. */
export type AttemptContext = {
  payload: Payload
  registry: ChannelRegistry
  now: () => Date
  worker: string
  settler: SettleQueue
  targetsOf: (adapter: ChannelAdapter) => Promise<Target[]>
  random?: () => number
  /** Told once when a delivery has gone dead (editor alerts); must not throw. */
  onDead?: (dead: DeadDelivery) => void
  /** Told when a channel asked to be left alone (rate limit with `pauseChannel`). */
  onChannelPaused?: (channel: string, seconds: number) => Promise<void>
}

export type DeadDelivery = {
  id: number
  channel: string
  target: string
  itemTitle: string
  error: string
}

/** The shortest channel pause: a throttle without Retry-After still gets a breather. */
const MIN_PAUSE_SECONDS = 5

/** Attempts one claimed delivery through its channel adapter and settles the outcome. */
export async function attemptDelivery(
  ctx: AttemptContext,
  claimed: ClaimedDelivery,
  history: CopyHistory,
  /** The claim's `leaseSignal`: the rows claimed together share a lease and one deadline. */
  signal: AbortSignal,
): Promise<SettleResult> {
  const startedAt = ctx.now()
  let settlement: Settlement
  try {
    settlement = { outcome: 'delivered', receipt: await send(ctx, claimed, history, signal) }
  } catch (err) {
    const failure = classifyError(err)
    settlement = {
      outcome: failure.kind === 'transient' ? 'transient' : failure.kind,
      error: failure.message,
      statusCode: failure.statusCode,
      retryAfterSeconds: failure.retryAfterSeconds,
    }
    if (failure.kind === 'rate-limited' && failure.pauseChannel) {
      await ctx.onChannelPaused?.(
        claimed.channel,
        Math.max(MIN_PAUSE_SECONDS, failure.retryAfterSeconds ?? 0),
      )
    }
  }
  const result = await ctx.settler.settle({
    claimed,
    settlement,
    ctx: { now: ctx.now(), startedAt, worker: ctx.worker, random: ctx.random },
  })
  if (result.status === 'dead') {
    const error = settlement.outcome === 'delivered' ? '' : settlement.error
    const title = (claimed.snapshot as Partial<ChannelItem> | null)?.title ?? ''
    ctx.onDead?.({
      id: claimed.id,
      channel: claimed.channel,
      target: claimed.target,
      itemTitle: title,
      error,
    })
  }
  if (settlement.outcome === 'gone' && result.status === 'dead') {
    await retireTarget(ctx, claimed, settlement.error)
  }
  return result
}

/** The receiver said it is gone for good: the channel stops offering that target. */
async function retireTarget(ctx: AttemptContext, claimed: ClaimedDelivery, error: string) {
  const adapter = ctx.registry.get(claimed.channel)
  const target: Target = {
    id: claimed.target,
    name: claimed.targetName ?? undefined,
    public: true,
  }
  await adapter?.retire?.(
    target,
    `Mottakeren svarte at den ikke finnes lenger (${error.slice(0, 200)})`,
  )
}

async function send(
  ctx: AttemptContext,
  claimed: ClaimedDelivery,
  history: CopyHistory,
  signal: AbortSignal,
): Promise<Receipt> {
  const adapter = ctx.registry.get(claimed.channel)
  if (!adapter) throw permanent(`Kanalen «${claimed.channel}» er ikke satt opp i denne prosessen.`)
  const targets = await ctx.targetsOf(adapter)
  const target: Target = targets.find((t) => t.id === claimed.target) ?? {
    id: claimed.target,
    name: claimed.targetName ?? undefined,
    public: true,
  }
  const { prior } = history
  const base = { target, deliveryId: `dlv_${claimed.id}`, prior, signal }
  const renderCtx = { target, now: ctx.now(), publicUrl: publicUrl() }
  // Copies an earlier attempt may have made without the ledger hearing of it (the attempt
  // counted at claim is the recorded intent): this delivery's own earlier attempts, and those of
  // publishes that were superseded or cancelled after they failed.
  const candidates = [
    ...(claimed.attempts > 1 ? [{ id: claimed.id, snapshot: claimed.snapshot }] : []),
    ...history.uncertain,
  ]
  const findEarlier = async (): Promise<{ receipt: Receipt; own: boolean } | null> => {
    if (prior || !adapter.find) return null
    for (const candidate of candidates) {
      if (!candidate.snapshot) continue
      const message = adapter.render(candidate.snapshot as ChannelItem, renderCtx)
      const deliveryId = `dlv_${candidate.id}`
      const found = await adapter.find(message, { ...base, deliveryId, action: 'publish' })
      if (found) return { receipt: found, own: candidate.id === claimed.id }
    }
    return null
  }
  if (claimed.action === 'retract') {
    const copy = prior ?? (await findEarlier())?.receipt
    if (!copy) return retractUncertain(adapter, history, { ...base, action: 'retract' }, renderCtx)
    if (!adapter.retract)
      throw permanent(`Kanalen «${claimed.channel}» kan ikke trekke tilbake publiserte saker.`)
    return (await adapter.retract(copy, { ...base, prior: copy, action: 'retract' })) ?? copy
  }
  const item = claimed.snapshot as ChannelItem
  const message = adapter.render(item, renderCtx)
  const deliverCtx: DeliverContext<'publish' | 'update'> = { ...base, action: claimed.action }
  const earlier = await findEarlier()
  if (earlier?.own) return earlier.receipt
  // A copy of an older revision is out: bring it up to this one instead of posting another.
  if (earlier) return adapter.deliver(message, { ...deliverCtx, prior: earlier.receipt })
  return adapter.deliver(message, deliverCtx)
}

/**
 * No copy on record and `find` saw none, yet an earlier publish or update was attempted and may
 * have landed where `find` cannot look (a webhook processed before its 500): the channel takes
 * it down anyway, from the newest such attempt's message. Nothing attempted, nothing to do.
 */
async function retractUncertain(
  adapter: ChannelAdapter,
  history: CopyHistory,
  ctx: DeliverContext<'retract'>,
  renderCtx: RenderContext,
): Promise<Receipt> {
  const newest = history.uncertain.find((candidate) => candidate.snapshot)
  if (!newest || !adapter.retractUncertain) return {}
  const message = adapter.render(newest.snapshot as ChannelItem, renderCtx)
  return (await adapter.retractUncertain(message, ctx)) ?? {}
}

function permanent(message: string): Error {
  return new PermanentDeliveryError(message)
}
