import { describe, expect, it } from 'vitest'

import { contrastProblems, contrastRatio, formatRatio } from '../../../media/brand/contrast'

describe('WCAG contrast', () => {
  it('should give 21:1 for black on white and 1:1 for a colour on itself', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrastRatio('#00507d', '#00507d')).toBeCloseTo(1, 5)
  })

  it('should put #767676 on white just above 4.5:1 and #777777 just below', () => {
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5)
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5)
    expect(formatRatio(contrastRatio('#777777', '#ffffff'))).toBe('4,47:1')
  })

  it('should name the failing pair and its ratio, and pass the default profile', () => {
    const base = { primary: '#00507d', text: '#1a1a1a', background: '#ffffff', accent: '#f2b705' }
    expect(contrastProblems(base)).toEqual([])
    const [problem] = contrastProblems({ ...base, primary: '#f2b705' })
    expect(problem?.path).toBe('colours.background')
    expect(problem?.message).toContain('#ffffff')
    expect(problem?.message).toContain('#f2b705')
    expect(problem?.message).toMatch(/\d,\d\d:1/)
  })
})
