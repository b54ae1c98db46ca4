import { now as hubNow } from '../../src/clock'
import { boundedMemo } from '../boundedMemo'
import type { ChannelAdapter, ChannelItem, DeliverContext, Receipt, Target } from '../contract'
import { PermanentDeliveryError } from '../errors'
import { DEFAULT_TIMEOUT_MS, raiseForStatus, sendHttp } from '../http'
import { endpointAccepts } from './endpointAccepts'
import { allowPrivateAddresses, endpointUrlProblem } from './endpointUrl'
import { receiptItemRef, websiteReceipt } from './receiptDetail'
import { itemBody, itemRef, retractionBody } from './renderWebhook'
import { activeSecrets, webhookHeaders } from './signWebhook'
import type {
  EndpointLoader,
  WebhookBody,
  WebhookItemRef,
  WebsiteEndpoint,
  WebsiteMessage,
} from './types'

export type WebhookAdapterOptions = {
  loadEndpoints: EndpointLoader
  /** The "now" for signatures and receipts. Default: the hub clock. */
  now?: () => Date
  /** Deadline for one request, body included. Default 15 s. */
  timeoutMs?: number
  /** Whether loopback and private addresses may be called. Default: WEBHOOK_ALLOW_PRIVATE. */
  allowPrivateAddresses?: () => boolean
  /** Switches an endpoint off after it answered 410 Gone (see `disableEndpoint`). */
  disableEndpoint?: (id: string, reason: string) => Promise<void>
  /**
   * How long an endpoint read by `targets()` may be used for deliveries without reading it
   * again. The outbox asks for the targets at every claim, so under load this saves one read
   * per delivery; an editor's change reaches deliveries claimed after it. Default 1 s; 0 reads
   * every time.
   */
  endpointMaxAgeMs?: number
}

/** What makes one webhook channel differ from another: its name and what `data` carries. */
export type WebhookChannelSpec<M extends WebsiteMessage> = {
  /** The channel's name in the ledger ('website', 'portal'). */
  name: string
  /** The item as this channel's receivers get it. Pure, like every `render`. */
  render: (item: ChannelItem) => M
}

/**
 * A channel of signed webhooks (Standard Webhooks): one target per enabled `channel-endpoints`
 * row that `loadEndpoints` gives. The website and the employee portal are two of these, with
 * their own endpoints and their own `data`; everything else (signing, secrets, the address
 * check, events, audiences, errors, 410) is this one implementation. The `webhook-id` is the
 * delivery id, so a retry is recognisably the same message and the receiver's deduplication
 * makes delivery idempotent; there is no `find`.
 */
export function webhookAdapter<M extends WebsiteMessage>(
  spec: WebhookChannelSpec<M>,
  options: WebhookAdapterOptions,
): ChannelAdapter<M> {
  const now = options.now ?? hubNow
  const allowPrivate = options.allowPrivateAddresses ?? allowPrivateAddresses
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  // What the last `targets()` (or delivery) saw, because `accepts` is synchronous: the outbox
  // asks for the targets and then, for each, whether it accepts the item.
  const known = new Map<string, WebsiteEndpoint>()
  const maxAgeMs = options.endpointMaxAgeMs ?? 1000
  let knownAt = Number.NEGATIVE_INFINITY

  async function loadOne(id: string): Promise<WebsiteEndpoint | null> {
    const fresh = performance.now() - knownAt < maxAgeMs ? known.get(id) : undefined
    if (fresh) return fresh
    const [endpoint] = await options.loadEndpoints({ id })
    if (endpoint) known.set(endpoint.id, endpoint)
    else known.delete(id)
    return endpoint ?? null
  }

  // The address check's verdict, asked again for every delivery to an endpoint.
  const urlProblem = {
    allowed: boundedMemo((url) => endpointUrlProblem(url, { allowPrivate: true })),
    refused: boundedMemo((url) => endpointUrlProblem(url, { allowPrivate: false })),
  }

  async function post(endpoint: WebsiteEndpoint, body: WebhookBody, ctx: DeliverContext) {
    const problem = urlProblem[allowPrivate() ? 'allowed' : 'refused'](endpoint.url)
    if (problem) {
      throw new PermanentDeliveryError(`Endpoint "${endpoint.name}": ${problem}`, {
        code: 'endpoint-url-refused',
      })
    }
    const at = now()
    const secrets = activeSecrets(endpoint, at)
    if (secrets.length === 0) {
      throw new PermanentDeliveryError(
        `Endpoint "${endpoint.name}": its secret cannot be decrypted (was PAYLOAD_SECRET changed?); rotate the secret`,
        { code: 'secret-unreadable' },
      )
    }
    const text = JSON.stringify(body)
    const result = await sendHttp({
      url: endpoint.url,
      method: 'POST',
      headers: webhookHeaders({ id: ctx.deliveryId, timestamp: at, body: text, secrets }),
      body: text,
      timeoutMs,
      signal: ctx.signal,
    })
    // One subscriber's rate limit says nothing about the others.
    raiseForStatus(result, { pauseChannelOnRateLimit: false })
    return result.status
  }

  /** Tells the endpoint the item is gone (unless it was deleted or does not want retractions). */
  async function retractItem(ref: WebhookItemRef, ctx: DeliverContext) {
    const endpoint = await loadOne(ctx.target.id)
    const skipped = websiteReceipt({
      ...ref,
      event: 'item.retracted',
      status: null,
      skipped: true,
    })
    // A deleted subscription has nobody left to tell: the copy is as retracted as it gets.
    if (!endpoint) return skipped
    // A disabled one may come back; dead and redrivable beats silently never retracting.
    if (!endpoint.enabled) throw unavailable(ctx.target, 'is disabled', 'endpoint-disabled')
    if (!endpoint.events.includes('item.retracted')) return skipped
    const status = await post(endpoint, retractionBody(ref, now()), ctx)
    return websiteReceipt({ ...ref, event: 'item.retracted', status }, now())
  }

  return {
    name: spec.name,

    async retire(target, reason) {
      known.delete(target.id)
      await options.disableEndpoint?.(target.id, reason)
    },

    validate(config) {
      const flag = config.WEBHOOK_ALLOW_PRIVATE
      if (flag === undefined || flag === 'true' || flag === 'false') return []
      const shown = typeof flag === 'string' ? flag : JSON.stringify(flag)
      return [`WEBHOOK_ALLOW_PRIVATE must be true or false (got "${shown}")`]
    },

    async targets(): Promise<Target[]> {
      const endpoints = await options.loadEndpoints()
      knownAt = performance.now()
      known.clear()
      for (const endpoint of endpoints) known.set(endpoint.id, endpoint)
      return endpoints
        .filter((endpoint) => endpoint.enabled)
        .map((endpoint) => ({
          id: endpoint.id,
          name: endpoint.name,
          public: !endpoint.audiences.includes('internal'),
        }))
    },

    accepts(item, target) {
      const endpoint = known.get(target.id)
      if (!endpoint) return 'Ukjent mottaker'
      if (!endpoint.enabled) return 'Mottakeren er slått av'
      return endpointAccepts(item, endpoint)
    },

    render(item) {
      return spec.render(item)
    },

    async deliver(message, ctx) {
      const endpoint = await loadOne(ctx.target.id)
      if (!endpoint) throw unavailable(ctx.target, 'was deleted', 'endpoint-missing')
      if (!endpoint.enabled) throw unavailable(ctx.target, 'is disabled', 'endpoint-disabled')
      const event = ctx.prior ? 'item.updated' : 'item.published'
      const ref = itemRef(message)
      if (!endpoint.events.includes(event)) {
        return websiteReceipt({ ...ref, event, status: null, skipped: true })
      }
      const status = await post(endpoint, itemBody(event, message), ctx)
      return websiteReceipt({ ...ref, event, status }, now())
    },

    async retract(receipt: Receipt, ctx) {
      const ref = receiptItemRef(receipt)
      if (!ref) {
        throw new PermanentDeliveryError('The receipt does not say which item to retract', {
          code: 'receipt-incomplete',
        })
      }
      return retractItem(ref, ctx)
    },

    // A webhook that failed after the receiver processed it leaves no trace the hub could find,
    // so a retraction goes out anyway; a receiver that never got the item ignores it.
    async retractUncertain(message, ctx) {
      return retractItem(itemRef(message), ctx)
    },
  }
}

function unavailable(target: Target, what: string, code: string): PermanentDeliveryError {
  return new PermanentDeliveryError(`Endpoint "${target.name ?? target.id}" ${what}`, { code })
}
