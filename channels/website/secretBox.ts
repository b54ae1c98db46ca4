import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'

/**
 * Webhook secrets at rest: AES-256-GCM with a key derived (HKDF-SHA256) from the server secret,
 * so the database alone never reveals them. GCM rather than Payload's own `encrypt` (AES-CTR)
 * because GCM notices a wrong key or a tampered value instead of returning garbage.
 *
 * Stored form: `v1.<iv>.<tag>.<ciphertext>`, each part base64url. Changing PAYLOAD_SECRET makes
 * every stored secret unreadable: the endpoints then need a rotation.
 */

const VERSION = 'v1'
const INFO = 'modum-content-hub/channel-endpoints/webhook-secret/v1'
const ALGORITHM = 'aes-256-gcm'

function keyFrom(serverSecret: string): Buffer {
  if (!serverSecret) throw new Error('The server secret (PAYLOAD_SECRET) is empty')
  return Buffer.from(hkdfSync('sha256', serverSecret, '', INFO, 32))
}

export function sealSecret(plain: string, serverSecret: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv(ALGORITHM, keyFrom(serverSecret), iv)
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  const parts = [iv, cipher.getAuthTag(), ciphertext].map((b) => b.toString('base64url'))
  return [VERSION, ...parts].join('.')
}

/** The clear secret, or null when `sealed` was not made with this server secret or is damaged. */
export function openSecret(sealed: string, serverSecret: string): string | null {
  const [version, iv, tag, ciphertext] = sealed.split('.')
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) return null
  try {
    const decipher = createDecipheriv(
      ALGORITHM,
      keyFrom(serverSecret),
      Buffer.from(iv, 'base64url'),
    )
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    const plain = Buffer.concat([
      decipher.update(Buffer.from(ciphertext, 'base64url')),
      decipher.final(),
    ])
    return plain.toString('utf8')
  } catch {
    return null
  }
}
