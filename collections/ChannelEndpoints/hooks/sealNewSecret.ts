import type { CollectionBeforeChangeHook } from 'payload'

import { sealSecret } from '../../../channels/website/secretBox'
import { generateWebhookSecret } from '../../../channels/website/webhookSecret'

/** Where the clear secret waits between `beforeChange` and `afterChange` of one create. */
export const NEW_SECRET_CONTEXT_KEY = 'channelEndpoints:newSecret'

/**
 * On create: takes the secret the caller gave (a receiver that made its own), or generates
 * one, and stores only its encryption. The clear text stays in the request context for
 * `revealNewSecret`, which puts it in the create response, the one time anyone sees it. A
 * malformed secret given by the caller is sealed too, but the `secret` field's validation,
 * which runs after this hook, refuses the request before anything is stored.
 */
export const sealNewSecret: CollectionBeforeChangeHook = ({ data, operation, req, context }) => {
  if (operation !== 'create') return data
  const given: unknown = data.secret
  const plain = typeof given === 'string' && given !== '' ? given : generateWebhookSecret()
  context[NEW_SECRET_CONTEXT_KEY] = plain
  return {
    ...data,
    secretCiphertext: sealSecret(plain, req.payload.config.secret),
    previousSecretCiphertext: null,
    previousSecretExpiresAt: null,
  }
}
