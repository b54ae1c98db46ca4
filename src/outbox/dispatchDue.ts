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
import { type ClaimedDelivery, claimDue } from './claimDue'
import { currentCopy, ledgerRowsByKey, targetKey } from './ledgerRows'
import { type Settlement, settleDelivery } from './settleDelivery'

export type DispatchOptions = {
  payload: Payload
  registry: ChannelRegistry
  now: () => Date
  worker: string
  limit?: number
  leaseMs?: number
  random?: () => number
  /** Aborted at shutdown: attempts stop their I/O and settle as transient (retried later). */
  signal?: AbortSignal
}

/** Claims what is due and attempts each claimed delivery once. Returns how many it attempted. */
export async function dispatchDue(options: DispatchOptions): Promise<number> {
  const leaseMs = options.leaseMs ?? 60_000
  const claimed = await claimDue(options.payload, {
    now: options.now(),
    leaseMs,
    limit: options.limit ?? 20,
  })
  // One targets() per channel per batch: a website channel loads and decrypts every endpoint.
  const targets = new Map<string, Promise<Target[]>>()
  const batch = {
    ...options,
    targetsOf: (adapter: ChannelAdapter) => targetsOnce(targets, adapter),
  }
  await Promise.all(claimed.map((c) => attempt(batch, c, leaseMs)))
  return claimed.length
}

async function attempt(
  options: BatchOptions,
  claimed: ClaimedDelivery,
  leaseMs: number,
): Promise<void> {
  const { payload } = options
  const startedAt = options.now()
  let settlement: Settlement
  try {
    settlement = { outcome: 'delivered', receipt: await send(options, claimed, leaseMs) }
  } catch (err) {
    const failure = classifyError(err)
    settlement = {
      outcome: failure.kind === 'transient' ? 'transient' : failure.kind,
      error: failure.message,
      statusCode: failure.statusCode,
      retryAfterSeconds: failure.retryAfterSeconds,
    }
  }
  const result = await settleDelivery(payload, claimed, settlement, {
    now: options.now(),
    startedAt,
    worker: options.worker,
    random: options.random,
  })
  if (settlement.outcome === 'gone' && result.status === 'dead')
    await retireTarget(options, claimed.id, settlement.error)
}

/** The receiver said it is gone for good: the channel stops offering that target. */
async function retireTarget(options: DispatchOptions, id: number, error: string): Promise<void> {
  const row = await options.payload.findByID({
    collection: 'deliveries',
    id,
    depth: 0,
    overrideAccess: true,
  })
  const adapter = options.registry.get(row.channel)
  const target: Target = { id: row.target, name: row.targetName ?? undefined, public: true }
  await adapter?.retire?.(
    target,
    `Mottakeren svarte at den ikke finnes lenger (${error.slice(0, 200)})`,
  )
}

/** One attempt: render and deliver (or retract) through the row's channel adapter. */
async function send(
  options: BatchOptions,
  claimed: ClaimedDelivery,
  leaseMs: number,
): Promise<Receipt> {
  const { payload, registry } = options
  const row = await payload.findByID({
    collection: 'deliveries',
    id: claimed.id,
    depth: 0,
    overrideAccess: true,
  })
  const adapter = registry.get(row.channel)
  if (!adapter) throw permanent(`Kanalen «${row.channel}» er ikke satt opp i denne prosessen.`)
  const targets = await options.targetsOf(adapter)
  const target: Target = targets.find((t) => t.id === row.target) ?? {
    id: row.target,
    name: row.targetName ?? undefined,
    public: true,
  }
  const ledger = await ledgerRowsByKey(payload, row.itemUid)
  const prior = currentCopy(ledger.get(targetKey(row.channel, row.target)) ?? [], row.id)
  const timeout = AbortSignal.timeout(Math.max(1000, leaseMs - 5000))
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout
  const base = { target, deliveryId: `dlv_${row.id}`, prior, signal }
  if (row.action === 'retract') {
    if (!prior) return {}
    if (!adapter.retract)
      throw permanent(`Kanalen «${row.channel}» kan ikke trekke tilbake publiserte saker.`)
    return (await adapter.retract(prior, { ...base, action: 'retract' })) ?? prior
  }
  const item = row.snapshot as unknown as ChannelItem
  const message = adapter.render(item, { target, now: options.now(), publicUrl: publicUrl() })
  const ctx: DeliverContext<'publish' | 'update'> = { ...base, action: row.action }
  return adapter.deliver(message, ctx)
}

function permanent(message: string): Error {
  return new PermanentDeliveryError(message)
}

type BatchOptions = DispatchOptions & { targetsOf: (adapter: ChannelAdapter) => Promise<Target[]> }

function targetsOnce(
  cache: Map<string, Promise<Target[]>>,
  adapter: ChannelAdapter,
): Promise<Target[]> {
  let targets = cache.get(adapter.name)
  if (!targets) {
    targets = Promise.resolve(adapter.targets())
    cache.set(adapter.name, targets)
  }
  return targets
}
