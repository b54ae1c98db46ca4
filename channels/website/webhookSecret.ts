import { randomBytes } from 'node:crypto'

/**
 * Standard Webhooks secrets: `whsec_` followed by the base64 of the key. The specification asks
 * for keys of 24 to 64 bytes; we generate 32.
 */
export const SECRET_PREFIX = 'whsec_'
const MIN_KEY_BYTES = 24
const MAX_KEY_BYTES = 64
const GENERATED_KEY_BYTES = 32

export function generateWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(GENERATED_KEY_BYTES).toString('base64')}`
}

/** Why `value` is not a usable secret (in bokmål, for the field error), or null when it is. */
export function webhookSecretProblem(value: unknown): string | null {
  const wrongForm = `Hemmeligheten må ha formen ${SECRET_PREFIX}<base64>.`
  if (typeof value !== 'string' || !value.startsWith(SECRET_PREFIX)) return wrongForm
  const encoded = value.slice(SECRET_PREFIX.length)
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || encoded.length % 4 !== 0) return wrongForm
  const bytes = Buffer.from(encoded, 'base64').length
  if (bytes < MIN_KEY_BYTES || bytes > MAX_KEY_BYTES) {
    return `Nøkkelen i hemmeligheten må være ${MIN_KEY_BYTES}–${MAX_KEY_BYTES} byte (den er ${bytes}).`
  }
  return null
}
