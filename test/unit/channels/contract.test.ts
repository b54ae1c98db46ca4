import { describe, expect, it } from 'vitest'

import { type Audience, audienceAllows } from '../../../channels/contract'

describe('audienceAllows', () => {
  it.each<[Audience, boolean, boolean]>([
    ['public', true, true],
    ['both', true, true],
    ['internal', true, false],
    ['public', false, true],
    ['both', false, true],
    ['internal', false, true],
  ])('should let a %s item reach a target with public=%s: %s', (audience, isPublic, allowed) => {
    const verdict = audienceAllows({ audience }, { id: 't', public: isPublic })
    expect(verdict === true).toBe(allowed)
  })

  it('should give a reason when it refuses', () => {
    expect(audienceAllows({ audience: 'internal' }, { id: 't', public: true })).toBe(
      'Intern sak – mottakeren er offentlig',
    )
  })
})
