import { type IncomingHttpHeaders } from 'node:http'

import { type Webhook } from 'standardwebhooks'

export interface VerificationResult {
  verified: boolean
  secretIndex: number | null
  error?: string
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name]
  return Array.isArray(value) ? value.join(' ') : value
}

/**
 * Verifies a Standard Webhooks request with the official library against each secret in turn;
 * the first one that verifies wins. The library checks the timestamp against `Date.now()` with a
 * fixed ±5 minute tolerance (not configurable); it accepts any `v1,<sig>` entry in the
 * space-separated `webhook-signature` list, which is what makes secret rotation work.
 */
export function verifySignature(
  webhooks: readonly Webhook[],
  rawBody: Buffer,
  headers: IncomingHttpHeaders,
): VerificationResult {
  const id = headerValue(headers, 'webhook-id')
  const timestamp = headerValue(headers, 'webhook-timestamp')
  const signature = headerValue(headers, 'webhook-signature')
  if (!id || !timestamp || !signature) {
    return { verified: false, secretIndex: null, error: 'Missing required headers' }
  }
  const wanted = {
    'webhook-id': id,
    'webhook-timestamp': timestamp,
    'webhook-signature': signature,
  }
  let error = 'No matching signature found'
  for (const [index, webhook] of webhooks.entries()) {
    try {
      // jsonParse: false — with the default the library JSON.parses the body after a match and
      // throws a SyntaxError for a correctly signed non-JSON body; we parse ourselves.
      webhook.verify(rawBody, wanted, { jsonParse: false })
      return { verified: true, secretIndex: index }
    } catch (e) {
      error = e instanceof Error ? e.message : String(e)
      // A timestamp outside the tolerance fails identically for every secret.
      if (/timestamp|Invalid Signature Headers/i.test(error)) break
    }
  }
  return { verified: false, secretIndex: null, error }
}
