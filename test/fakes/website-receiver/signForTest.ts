import { Webhook } from 'standardwebhooks'

/** A type alias (not an interface) so it fits `Record<string, string>` / `OutgoingHttpHeaders`. */
export type SignedHeaders = {
  'content-type': string
  'webhook-id': string
  'webhook-timestamp': string
  'webhook-signature': string
}

/**
 * Signs `body` the way a Standard Webhooks sender should, with the official library, and returns
 * ready-to-send headers. Pass several secrets to sign with each (rotation): the signatures are
 * joined with spaces, `v1,<old> v1,<new>`. `timestamp` is a Date or Unix seconds.
 */
export function signForTest(
  secret: string | readonly string[],
  id: string,
  timestamp: Date | number,
  body: string | Buffer,
): SignedHeaders {
  const date = typeof timestamp === 'number' ? new Date(timestamp * 1000) : timestamp
  const secrets = typeof secret === 'string' ? [secret] : secret
  const signatures = secrets.map((s) => new Webhook(s).sign(id, date, body))
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(date.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  }
}

/** A random `whsec_…` secret (24 random bytes, base64), like the ones senders hand out. */
export function generateTestSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24))
  return `whsec_${Buffer.from(bytes).toString('base64')}`
}
