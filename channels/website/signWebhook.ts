import { Webhook } from 'standardwebhooks'

import type { WebsiteEndpoint } from './types'

/**
 * The secrets a delivery is signed with at `at`: the current one, plus the one a rotation
 * replaced while its grace period lasts, so receivers can switch secrets at their own pace.
 */
export function activeSecrets(
  endpoint: Pick<WebsiteEndpoint, 'secret' | 'previousSecret'>,
  at: Date,
): string[] {
  const secrets: string[] = []
  if (endpoint.secret) secrets.push(endpoint.secret)
  const previous = endpoint.previousSecret
  if (previous && previous.expiresAt.getTime() > at.getTime()) secrets.push(previous.secret)
  return secrets
}

export type SignRequest = {
  /** `webhook-id`: the delivery id, the same on every retry so receivers can deduplicate. */
  id: string
  timestamp: Date
  /** The exact string that is sent: the signature covers these bytes. */
  body: string
  secrets: readonly string[]
}

/**
 * Standard Webhooks headers, signed with the official library. It holds one secret per
 * `Webhook`, so each secret signs separately and the `v1,…` signatures go space-separated into
 * one header, which receivers accept when any of them verifies.
 */
export function webhookHeaders(request: SignRequest): Record<string, string> {
  if (request.secrets.length === 0) throw new Error('webhookHeaders: no secret to sign with')
  const signatures = request.secrets.map((secret) =>
    new Webhook(secret).sign(request.id, request.timestamp, request.body),
  )
  return {
    'content-type': 'application/json',
    'webhook-id': request.id,
    'webhook-timestamp': String(Math.floor(request.timestamp.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  }
}
