import { describe, expect, it } from 'vitest'

import { claimLimit } from '../../src/outbox/createDispatcher'

describe('claimLimit', () => {
  it('should claim in steps of 8 once there is room for 8', () => {
    expect([8, 15, 16, 23, 24, 31, 32].map(claimLimit)).toEqual([8, 8, 16, 16, 24, 24, 32])
  })

  it('should claim exactly the room below 8', () => {
    expect([1, 2, 7].map(claimLimit)).toEqual([1, 2, 7])
  })
})
