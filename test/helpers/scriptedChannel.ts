import type { ChannelAdapter, DeliverContext, Receipt } from '../../channels/contract'
import {
  PermanentDeliveryError,
  RateLimitedError,
  TransientDeliveryError,
} from '../../channels/errors'
import { sandboxAdapter, type SandboxMessage } from '../../channels/sandbox/sandboxAdapter'

/** What the channel does on its next deliveries, in order; then it simply succeeds. */
export type Step =
  | 'ok'
  /** Creates the copy, then the connection drops: the outbox cannot know it landed. */
  | 'created-then-fail'
  | { rateLimited: number }
  /** Refuses the item for good (a 400-like answer). */
  | 'refused'

/**
 * A stand-in for an external channel without idempotency keys (like Facebook or Slack): it
 * keeps the copies it holds (by the delivery that made or last edited them), can be told to
 * fail, and can look a copy up by delivery id.
 */
export function scriptedChannel(
  name: string,
  options: {
    slowMs?: number
    /** Deliveries wait until it resolves, or fail as transient when their attempt is aborted. */
    gate?: Promise<void>
  } = {},
) {
  const inner = sandboxAdapter({ name, targets: [{ id: 'main', name: 'Hoved', public: true }] })
  const script: Step[] = []
  const copies = new Map<string, Receipt>()
  const calls = { deliver: 0, find: 0, retract: 0, inFlight: 0, maxInFlight: 0 }

  const adapter: ChannelAdapter<SandboxMessage> = {
    name,
    targets: () => inner.targets(),
    accepts: () => true,
    render: (item, ctx) => inner.render(item, ctx),
    async deliver(message, ctx: DeliverContext<'publish' | 'update'>) {
      calls.deliver++
      calls.inFlight++
      calls.maxInFlight = Math.max(calls.maxInFlight, calls.inFlight)
      try {
        if (options.slowMs) await new Promise((resolve) => setTimeout(resolve, options.slowMs))
        if (options.gate) await untilOpen(options.gate, ctx.signal)
        const step = script.shift() ?? 'ok'
        if (step === 'refused') throw new PermanentDeliveryError('Innlegget ble avvist (400)')
        if (typeof step === 'object') {
          throw new RateLimitedError('429 Too Many Requests', {
            statusCode: 429,
            retryAfterSeconds: step.rateLimited,
          })
        }
        const receipt = await inner.deliver(message, ctx)
        copies.set(ctx.deliveryId, receipt)
        if (step === 'created-then-fail') throw new TransientDeliveryError('socket hang up')
        return receipt
      } finally {
        calls.inFlight--
      }
    },
    find(_message, ctx) {
      calls.find++
      return Promise.resolve(copies.get(ctx.deliveryId) ?? null)
    },
    retract(receipt) {
      calls.retract++
      for (const [id, copy] of copies) if (copy.externalId === receipt.externalId) copies.delete(id)
      return Promise.resolve()
    },
  }
  return { adapter, script, copies, calls }
}

function untilOpen(gate: Promise<void>, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const abort = () => reject(new TransientDeliveryError('Forsøket ble avbrutt'))
    if (signal.aborted) abort()
    signal.addEventListener('abort', abort, { once: true })
    void gate.then(() => {
      signal.removeEventListener('abort', abort)
      resolve()
    })
  })
}
