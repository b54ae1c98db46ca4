import sharp from 'sharp'

import type { Typeface } from '../brand/typefaces'

export type TextBlockOptions = {
  text: string
  typeface: Typeface
  bold?: boolean
  /** Font size in pixels (rendered at 72 dpi, so points = pixels). */
  size: number
  colour: string
  /** Lines wrap at this width. */
  width: number
  maxLines: number
}

export type TextBlock = { data: Buffer; width: number; height: number; shortened: boolean }

function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

async function render(text: string, o: TextBlockOptions): Promise<TextBlock & { lines: number }> {
  const markup = `<span foreground="${o.colour}" size="${Math.round(o.size * 1024)}">${escapeMarkup(text)}</span>`
  const { data, info } = await sharp({
    text: {
      text: markup,
      font: `${o.typeface.name}${o.bold ? ' Bold' : ''}`,
      fontfile: o.bold ? o.typeface.bold : o.typeface.regular,
      width: o.width,
      wrap: 'word-char',
      rgba: true,
      dpi: 72,
    },
  })
    .png()
    .toBuffer({ resolveWithObject: true })
  // The image is cropped to the ink: lines sit 1.435 × the size apart, and the first line's ink
  // is 0.5–1.15 × the size high (x-height to Å over g), so 0.82 is the middle of that range.
  const lines = Math.max(1, 1 + Math.round((info.height - 0.82 * o.size) / (1.435 * o.size)))
  return { data, width: info.width, height: info.height, shortened: false, lines }
}

/**
 * Text set in the brand typeface from the bundled font file, wrapped at `width`. Text that
 * would take more than `maxLines` lines is cut at a word and ends with an ellipsis: the longest
 * such beginning that fits is found by bisection over the characters.
 */
export async function textBlock(options: TextBlockOptions): Promise<TextBlock> {
  const text = options.text.replace(/\s+/g, ' ').trim() || ' '
  const full = await render(text, options)
  if (full.lines <= options.maxLines) return full
  let low = 1
  let high = text.length - 1
  let best: (TextBlock & { lines: number }) | null = null
  while (low <= high) {
    const mid = Math.floor((low + high) / 2)
    const cut = text.slice(0, mid)
    const atWord = cut.lastIndexOf(' ') > mid / 2 ? cut.slice(0, cut.lastIndexOf(' ')) : cut
    const attempt = await render(`${atWord.replace(/[\s,.;:–-]+$/, '')}…`, options)
    if (attempt.lines <= options.maxLines) {
      best = attempt
      low = mid + 1
    } else {
      high = mid - 1
    }
  }
  const chosen = best ?? (await render('…', options))
  return { data: chosen.data, width: chosen.width, height: chosen.height, shortened: true }
}
