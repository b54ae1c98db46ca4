import { afterEach, describe, expect, it } from 'vitest'

import { deliveryLeaseMs, retryScale, webhookTimeoutMs } from '../../src/config/env'

const READERS = {
  HUB_RETRY_SCALE: retryScale,
  HUB_LEASE_MS: deliveryLeaseMs,
  WEBHOOK_TIMEOUT_MS: webhookTimeoutMs,
}

afterEach(() => {
  for (const name of Object.keys(READERS)) delete process.env[name]
})

describe('delivery timing settings', () => {
  it('should default to the production values', () => {
    expect(retryScale()).toBe(1)
    expect(deliveryLeaseMs()).toBe(60_000)
    expect(webhookTimeoutMs()).toBe(15_000)
  })

  it('should read valid values', () => {
    process.env.HUB_RETRY_SCALE = '0.01'
    process.env.HUB_LEASE_MS = '8000'
    process.env.WEBHOOK_TIMEOUT_MS = '1000'
    expect(retryScale()).toBe(0.01)
    expect(deliveryLeaseMs()).toBe(8000)
    expect(webhookTimeoutMs()).toBe(1000)
  })

  it.each([
    ['HUB_LEASE_MS', '4999'],
    ['HUB_LEASE_MS', '8000.5'],
    ['HUB_LEASE_MS', 'soon'],
    ['WEBHOOK_TIMEOUT_MS', '0'],
    ['WEBHOOK_TIMEOUT_MS', ''],
    ['HUB_RETRY_SCALE', '2'],
  ] as const)('should refuse %s=%j with an error naming it', (name, value) => {
    process.env[name] = value
    expect(READERS[name]).toThrow(new RegExp(name))
  })
})
