import { Webhook } from 'standardwebhooks'
import { describe, expect, it } from 'vitest'

import {
  generateWebhookSecret,
  webhookSecretProblem,
} from '../../../channels/website/webhookSecret'

describe('webhook secrets', () => {
  it('should generate a whsec_ secret the official library takes', () => {
    const secret = generateWebhookSecret()
    expect(secret).toMatch(/^whsec_/)
    expect(() => new Webhook(secret)).not.toThrow()
  })

  it('should find nothing wrong with a generated secret', () => {
    expect(webhookSecretProblem(generateWebhookSecret())).toBeNull()
  })

  it.each([
    ['without the prefix', Buffer.alloc(32, 1).toString('base64')],
    ['with a key that is not base64', 'whsec_not base64!'],
    ['that is not text', 42],
  ])('should refuse a secret %s', (_what, value) => {
    expect(webhookSecretProblem(value)).toMatch(/whsec_/)
  })

  it('should refuse a key shorter than 24 bytes', () => {
    expect(webhookSecretProblem(`whsec_${Buffer.alloc(16, 1).toString('base64')}`)).toMatch(
      /24–64 byte/,
    )
  })
})
