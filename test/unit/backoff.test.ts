import { afterEach, describe, expect, it } from 'vitest'

import {
  maxAttempts,
  nextRetryDelaySeconds,
  RETRY_SCHEDULE_SECONDS,
} from '../../src/outbox/backoff'

describe('nextRetryDelaySeconds', () => {
  it('should follow the Standard Webhooks table without jitter at the midpoint', () => {
    const delays = RETRY_SCHEDULE_SECONDS.map((_, i) =>
      nextRetryDelaySeconds({ attempts: i + 1, random: () => 0.5 }),
    )
    expect(delays).toEqual([5, 300, 1800, 7200, 18_000, 36_000, 36_000])
  })

  it('should stay within ±20 % of the table', () => {
    expect(nextRetryDelaySeconds({ attempts: 2, random: () => 0 })).toBeCloseTo(240)
    expect(nextRetryDelaySeconds({ attempts: 2, random: () => 0.999999 })).toBeCloseTo(360, 2)
  })

  it('should give up after eight attempts', () => {
    expect(maxAttempts()).toBe(8)
    expect(nextRetryDelaySeconds({ attempts: 8, random: () => 0.5 })).toBeNull()
  })

  it('should never retry before a Retry-After the receiver asked for', () => {
    expect(nextRetryDelaySeconds({ attempts: 1, retryAfterSeconds: 120, random: () => 0 })).toBe(
      120,
    )
    expect(nextRetryDelaySeconds({ attempts: 1, retryAfterSeconds: 120, random: () => 0.5 })).toBe(
      126,
    )
  })

  it('should cap a Retry-After at the longest step of the table', () => {
    expect(
      nextRetryDelaySeconds({ attempts: 1, retryAfterSeconds: 999_999, random: () => 0.5 }),
    ).toBe(36_000)
  })

  it('should compress the table and Retry-After alike by the scale', () => {
    const delays = RETRY_SCHEDULE_SECONDS.map((_, i) =>
      nextRetryDelaySeconds({ attempts: i + 1, random: () => 0.5, scale: 0.01 }),
    )
    expect(delays.map((d) => Math.round((d ?? 0) * 1000) / 1000)).toEqual([
      0.05, 3, 18, 72, 180, 360, 360,
    ])
    expect(
      nextRetryDelaySeconds({ attempts: 1, retryAfterSeconds: 120, random: () => 0, scale: 0.01 }),
    ).toBeCloseTo(1.2)
  })
})

describe('HUB_RETRY_SCALE', () => {
  afterEach(() => {
    delete process.env.HUB_RETRY_SCALE
  })

  it('should default to the real clock', () => {
    expect(nextRetryDelaySeconds({ attempts: 1, random: () => 0.5 })).toBe(5)
  })

  it('should scale the delay when set', () => {
    process.env.HUB_RETRY_SCALE = '0.002'
    expect(nextRetryDelaySeconds({ attempts: 2, random: () => 0.5 })).toBeCloseTo(0.6)
  })

  it.each(['0', '-0.5', '1.5', 'abc', ''])('should refuse %j, naming the variable', (value) => {
    process.env.HUB_RETRY_SCALE = value
    expect(() => nextRetryDelaySeconds({ attempts: 1 })).toThrow(/HUB_RETRY_SCALE/)
  })
})
