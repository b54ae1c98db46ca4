import { describe, expect, it } from 'vitest'

import { typeface } from '../../../media/brand/typefaces'
import { textBlock } from '../../../media/templates/textBlock'

const face = typeface('Source Sans 3')
const options = { typeface: face, bold: true, size: 60, colour: '#000000', width: 800, maxLines: 2 }

describe('text in the brand typeface', () => {
  it('should draw æ ø å with the bundled font, not as missing-glyph boxes', async () => {
    const norwegian = await textBlock({ ...options, text: 'ÆØÅ æøå' })
    const missing = await textBlock({ ...options, text: '\uE000\uE001\uE002 \uE003\uE004\uE005' })
    expect(norwegian.width).toBeGreaterThan(0)
    expect(norwegian.data.equals(missing.data)).toBe(false)
  })

  it('should wrap a long title and end it with an ellipsis within the line limit', async () => {
    const short = await textBlock({ ...options, text: 'Kort' })
    const long = await textBlock({
      ...options,
      text: 'Veldig lang tittel om brøyting og strøing på kommunale veier i hele Modum denne vinteren',
    })
    expect(short.shortened).toBe(false)
    expect(long.shortened).toBe(true)
    expect(long.width).toBeLessThanOrEqual(800)
    expect(long.height).toBeLessThan(60 * 1.435 * 2 + 60)
  })
})
