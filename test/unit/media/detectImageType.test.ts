import sharp from 'sharp'
import { describe, expect, it } from 'vitest'

import { detectImageType } from '../../../media/upload/detectImageType'

describe('image type from the bytes', () => {
  it('should recognise each accepted format made by sharp, whatever the name', async () => {
    const base = sharp({ create: { width: 8, height: 8, channels: 3, background: '#123456' } })
    expect(detectImageType(await base.clone().jpeg().toBuffer())).toBe('jpeg')
    expect(detectImageType(await base.clone().png().toBuffer())).toBe('png')
    expect(detectImageType(await base.clone().webp().toBuffer())).toBe('webp')
    expect(detectImageType(await base.clone().avif().toBuffer())).toBe('avif')
    expect(detectImageType(await base.clone().gif().toBuffer())).toBe('gif')
  })

  it('should tell SVG from other XML and refuse text and HTML', () => {
    expect(
      detectImageType(
        Buffer.from('<?xml version="1.0"?><!-- x --><svg xmlns="http://www.w3.org/2000/svg"/>'),
      ),
    ).toBe('svg')
    expect(detectImageType(Buffer.from('<html><svg></svg></html>'))).toBeNull()
    expect(detectImageType(Buffer.from('hei'))).toBeNull()
  })
})
