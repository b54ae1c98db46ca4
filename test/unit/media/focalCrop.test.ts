import { describe, expect, it } from 'vitest'

import { focalCrop } from '../../../media/renditions/focalCrop'

describe('focal-point crops', () => {
  it('should centre the crop on the focal point when the edges allow', () => {
    const crop = focalCrop(
      { width: 4000, height: 3000 },
      { width: 1200, height: 630 },
      { x: 50, y: 60 },
    )
    expect([crop.resizeWidth, crop.resizeHeight]).toEqual([1200, 900])
    expect(crop.top).toBe(Math.round(0.6 * 900 - 315))
    expect(crop.left).toBe(0)
  })

  it('should stop at the edge instead of leaving the image', () => {
    const crop = focalCrop(
      { width: 3000, height: 2000 },
      { width: 1080, height: 1080 },
      { x: 100, y: 0 },
    )
    expect(crop.left).toBe(crop.resizeWidth - 1080)
    expect(crop.top).toBe(0)
  })

  it('should scale a small image up to cover the target', () => {
    const crop = focalCrop(
      { width: 40, height: 30 },
      { width: 1920, height: 1080 },
      { x: 50, y: 50 },
    )
    expect(crop.resizeWidth).toBe(1920)
    expect(crop.resizeHeight).toBeGreaterThanOrEqual(1080)
  })
})
