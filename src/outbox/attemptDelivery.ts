import type { Payload } from 'payload'

import type {
  ChannelAdapter,
  ChannelItem,
  DeliverContext,
  Receipt,
  Target,
} from '../../channels/contract'
import { classifyError, PermanentDeliveryError } from '../../channels/errors'
import type { ChannelRegistry } from '../../channels/registry'
import { publicUrl } from '../config/env'
import type { ClaimedDelivery } from './claimDue'
import type { SettleQueue } from './createSettleQueue'
import type { Settlement, SettleResult } from './settleDelivery'

/** What one attempt needs from the round that claimed it. */
export type AttemptContext = {
  payload: Payload
  registry: ChannelRegistry
  now: () => Date
  worker: string
  leaseMs: number
  settler: SettleQueue
  targetsOf: (adapter: ChannelAdapter) => Promise<Target[]>
  random?: () => number
  signal?: AbortSignal
  /** Told when a channel asked to be left alone (rate limit with `pauseChannel`). */
  onChannelPaused?: (channel: string, seconds: number) => Promise<void>
}

/** The shortest channel pause: a throttle without Retry-After still gets a breather. */
const MIN_PAUSE_SECONDS = 5

/** Attempts one claimed delivery through its channel adapter and settles the outcome. */
export async function attemptDelivery(
  ctx: AttemptContext,
  claimed: ClaimedDelivery,
  prior: Receipt | undefined,
): Promise<SettleResult> {
  const startedAt = ctx.now()
  let settlement: Settlement
  try {
    settlement = { outcome: 'delivered', receipt: await send(ctx, claimed, prior) }
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
  prior: Receipt | undefined,
): Promise<Receipt> {
  const adapter = ctx.registry.get(claimed.channel)
  if (!adapter) throw permanent(`Kanalen «${claimed.channel}» er ikke satt opp i denne prosessen.`)
  const targets = await ctx.targetsOf(adapter)
  const target: Target = targets.find((t) => t.id === claimed.target) ?? {
    id: claimed.target,
    name: claimed.targetName ?? undefined,
    public: true,
  }
  const timeout = AbortSignal.timeout(Math.max(1000, ctx.leaseMs - 5000))
  const signal = ctx.signal ? AbortSignal.any([timeout, ctx.signal]) : timeout
  const base = { target, deliveryId: `dlv_${claimed.id}`, prior, signal }
  if (claimed.action === 'retract') {
    if (!prior) return {}
    if (!adapter.retract)
      throw permanent(`Kanalen «${claimed.channel}» kan ikke trekke tilbake publiserte saker.`)
    return (await adapter.retract(prior, { ...base, action: 'retract' })) ?? prior
  }
  const item = claimed.snapshot as ChannelItem
  const message = adapter.render(item, { target, now: ctx.now(), publicUrl: publicUrl() })
  const deliverCtx: DeliverContext<'publish' | 'update'> = { ...base, action: claimed.action }
  // An earlier attempt may have created the copy before it failed or its worker died (the
  // attempt counted at claim is the recorded intent): look before creating it a second time.
  if (!prior && claimed.attempts > 1 && adapter.find) {
    const found = await adapter.find(message, deliverCtx)
    if (found) return found
  }
  return adapter.deliver(message, deliverCtx)
}

function permanent(message: string): Error {
  return new PermanentDeliveryError(message)
}
