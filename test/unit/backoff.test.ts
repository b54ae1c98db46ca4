import { describe, expect, it } from 'vitest'

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
})
