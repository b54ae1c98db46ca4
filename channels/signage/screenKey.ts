import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * A screen key: 32 random bytes, base64url, prefixed so it is recognisable in a leaked URL. It
 * is stored only as an HMAC under the server secret (like Payload's API keys), so the hub can
 * check a key but never show it again.
 */
export function generateScreenKey(): string {
  return `skj_${randomBytes(32).toString('base64url')}`
}

export function hashScreenKey(key: string, serverSecret: string): string {
  return createHmac('sha256', serverSecret).update(key).digest('hex')
}

/** Constant-time comparison of a presented key with a stored hash. */
export function screenKeyMatches(key: string, storedHash: string, serverSecret: string): boolean {
  const a = Buffer.from(hashScreenKey(key, serverSecret), 'hex')
  const b = Buffer.from(storedHash, 'hex')
  return a.length === b.length && timingSafeEqual(a, b)
}
