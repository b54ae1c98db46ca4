import type { DocumentEvent } from 'payload'
import { describe, expect, it } from 'vitest'

import {
  secretJustCreated,
  withoutSecret,
} from '../../../collections/ChannelEndpoints/components/oneTimeSecret'

const created = (
  doc: Record<string, unknown>,
  entitySlug = 'channel-endpoints',
): DocumentEvent => ({
  entitySlug,
  operation: 'create',
  updatedAt: '2026-05-04T10:00:00.000Z',
  doc: doc as DocumentEvent['doc'],
})

describe('one-time webhook secret in the admin', () => {
  it('should hand the created endpoint its secret from the create event', () => {
    const event = created({ id: 7, secret: 'whsec_abc' })
    expect(secretJustCreated(event, '7')).toEqual({ kind: 'created', secret: 'whsec_abc' })
  })

  it('should not hand the secret to another endpoint', () => {
    expect(secretJustCreated(created({ id: 7, secret: 'whsec_abc' }), 8)).toBeNull()
  })

  it('should ignore creates in other collections and updates', () => {
    expect(secretJustCreated(created({ id: 7, secret: 'x' }, 'news'), 7)).toBeNull()
    const update = { ...created({ id: 7, secret: 'whsec_abc' }), operation: 'update' as const }
    expect(secretJustCreated(update, 7)).toBeNull()
  })

  it('should remove the secret from the event and keep the rest', () => {
    const scrubbed = withoutSecret(created({ id: 7, name: 'App', secret: 'whsec_abc' }))
    expect(scrubbed?.doc).toEqual({ id: 7, name: 'App' })
    expect(secretJustCreated(scrubbed, 7)).toBeNull()
  })

  it('should have nothing to remove from an event without a secret', () => {
    expect(withoutSecret(created({ id: 7 }))).toBeNull()
    expect(withoutSecret(null)).toBeNull()
  })
})
