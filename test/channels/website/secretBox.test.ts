import { describe, expect, it } from 'vitest'

import { openSecret, sealSecret } from '../../../channels/website/secretBox'

const SERVER_SECRET = 'test-server-secret'
const PLAIN = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'

describe('secretBox', () => {
  it('should open what it sealed with the same server secret', () => {
    expect(openSecret(sealSecret(PLAIN, SERVER_SECRET), SERVER_SECRET)).toBe(PLAIN)
  })

  it('should not contain the clear secret in what it stores', () => {
    const sealed = sealSecret(PLAIN, SERVER_SECRET)
    expect(sealed).not.toContain(PLAIN.slice('whsec_'.length))
  })

  it('should seal the same secret differently each time', () => {
    expect(sealSecret(PLAIN, SERVER_SECRET)).not.toBe(sealSecret(PLAIN, SERVER_SECRET))
  })

  it('should give null with another server secret', () => {
    expect(openSecret(sealSecret(PLAIN, SERVER_SECRET), 'another-secret')).toBeNull()
  })

  it('should give null for a tampered value', () => {
    const sealed = sealSecret(PLAIN, SERVER_SECRET)
    const tampered = `${sealed.slice(0, -2)}${sealed.endsWith('AA') ? 'BB' : 'AA'}`
    expect(openSecret(tampered, SERVER_SECRET)).toBeNull()
  })

  it('should give null for a value in no known form', () => {
    expect(openSecret(PLAIN, SERVER_SECRET)).toBeNull()
  })

  it('should refuse to seal without a server secret', () => {
    expect(() => sealSecret(PLAIN, '')).toThrow(/PAYLOAD_SECRET/)
  })
})
