import { describe, expect, it } from 'vitest'

import { slugify } from '../../collections/shared/fields/slugify'

describe('slugify', () => {
  it('should spell Norwegian letters out in ASCII', () => {
    expect(slugify('Åpen barnehage på Øvre Ærfugl')).toBe('apen-barnehage-pa-ovre-aerfugl')
  })

  it('should collapse punctuation and spaces into single hyphens', () => {
    expect(slugify('  Vann & avløp: stengt!  ')).toBe('vann-avlop-stengt')
  })

  it('should cut very long titles to 80 characters', () => {
    expect(slugify('a'.repeat(200))).toHaveLength(80)
  })
})
