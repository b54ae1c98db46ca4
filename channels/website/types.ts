import type { ItemCollection } from '../contract'

/** The events a website or app can subscribe to, in the order editors see them. */
export const WEBHOOK_EVENTS = ['item.published', 'item.updated', 'item.retracted'] as const
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number]

/**
 * Which items an endpoint receives. `internal` is never a default: an endpoint gets internal
 * items only when someone ticked it, and then it no longer counts as a public target.
 */
export const ENDPOINT_AUDIENCES = ['public', 'internal'] as const
export type EndpointAudience = (typeof ENDPOINT_AUDIENCES)[number]

/**
 * Which channel an endpoint belongs to: `website` (websites and apps, the default) or `portal`
 * (the employee portal, which must take internal items). Each channel's adapter sees only its
 * own endpoints, so an endpoint is a target of exactly one channel.
 */
export const ENDPOINT_CHANNELS = ['website', 'portal'] as const
export type EndpointChannel = (typeof ENDPOINT_CHANNELS)[number]

/** One webhook subscription as the adapter needs it: decrypted, ready to sign with. */
export type WebsiteEndpoint = {
  id: string
  name: string
  url: string
  enabled: boolean
  events: readonly WebhookEvent[]
  audiences: readonly EndpointAudience[]
  /** The current `whsec_…` secret; null when it cannot be decrypted (PAYLOAD_SECRET changed). */
  secret: string | null
  /** The secret a rotation replaced, signed with as well until it expires. */
  previousSecret?: { secret: string; expiresAt: Date }
}

/**
 * Where the adapter gets its endpoints: every endpoint (disabled ones included, so a delivery
 * can tell "disabled" from "deleted"), or just the one with `id`. Injected, so the adapter runs
 * without Payload in tests; `loadEndpointsFromPayload` is the real one.
 */
export type EndpointLoader = (query?: { id?: string }) => Promise<WebsiteEndpoint[]>

/** Which item a webhook is about: the part of the body every event carries. */
export type WebhookItemRef = {
  id: string
  collection: ItemCollection
  slug: string
  url: string
  revision: number
}

/**
 * The rendered message: the body without its `type`, which `deliver` picks from the prior
 * receipt (`item.updated` when a copy landed before, else `item.published`), the same rule the
 * contract gives for create versus update.
 */
export type WebsiteMessage = WebhookItemRef & {
  /** When this revision became visible: the later of its publication and its last change. */
  occurredAt: string
  data: Record<string, unknown>
}

/** The JSON body a receiver gets. `data` is absent for retractions. */
export type WebhookBody = { type: WebhookEvent } & WebhookItemRef & {
    occurredAt: string
    data?: Record<string, unknown>
  }
