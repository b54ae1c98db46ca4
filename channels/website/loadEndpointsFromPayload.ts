import type { Payload } from 'payload'

import type { ChannelEndpoint } from '../../src/payload-types'
import { openSecret } from './secretBox'
import {
  ENDPOINT_AUDIENCES,
  type EndpointAudience,
  type EndpointChannel,
  type EndpointLoader,
  WEBHOOK_EVENTS,
  type WebhookEvent,
  type WebsiteEndpoint,
} from './types'

const SLUG = 'channel-endpoints'

/**
 * One webhook channel's endpoints from the `channel-endpoints` collection (the rows whose
 * `channel` is `channel`), secrets decrypted with the server secret. An endpoint of another
 * channel is not found, by id either, so it is never this channel's target. Reads with the
 * Local API's full access: this is the hub itself.
 */
export function loadEndpointsFromPayload(
  payload: Payload,
  channel: EndpointChannel = 'website',
): EndpointLoader {
  return async (query) => {
    const result = await payload.find({
      collection: SLUG,
      where: query?.id === undefined ? {} : { id: { equals: query.id } },
      pagination: false,
      depth: 0,
      showHiddenFields: true,
      overrideAccess: true,
      sort: 'id',
    })
    const secret = payload.config.secret
    return result.docs
      .filter((row) => (row.channel ?? 'website') === channel)
      .map((row) => toEndpoint(row, secret))
  }
}

function toEndpoint(row: ChannelEndpoint, serverSecret: string): WebsiteEndpoint {
  const endpoint: WebsiteEndpoint = {
    id: String(row.id),
    name: row.name,
    url: row.url,
    enabled: row.enabled !== false,
    events: known<WebhookEvent>(row.events, WEBHOOK_EVENTS),
    audiences: known<EndpointAudience>(row.audiences, ENDPOINT_AUDIENCES),
    secret: row.secretCiphertext ? openSecret(row.secretCiphertext, serverSecret) : null,
  }
  const previous = row.previousSecretCiphertext
    ? openSecret(row.previousSecretCiphertext, serverSecret)
    : null
  if (previous && row.previousSecretExpiresAt) {
    endpoint.previousSecret = { secret: previous, expiresAt: new Date(row.previousSecretExpiresAt) }
  }
  return endpoint
}

function known<T extends string>(values: string[] | null | undefined, allowed: readonly T[]): T[] {
  return (values ?? []).filter((v): v is T => (allowed as readonly string[]).includes(v))
}
