const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  shy: '',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  aelig: 'æ',
  oslash: 'ø',
  aring: 'å',
  AElig: 'Æ',
  Oslash: 'Ø',
  Aring: 'Å',
}

/**
 * Editor text as a Facebook post carries it: no markup (Facebook shows tags literally), entities
 * decoded, runs of spaces collapsed, at most one blank line between paragraphs. Line breaks the
 * editor typed stay, because Facebook shows them.
 */
export function plainText(raw: string): string {
  const withBreaks = raw
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|h[1-6]|li|blockquote)\s*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
  return decodeEntities(withBreaks)
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/** One line: all whitespace, line breaks included, collapsed (titles and leads). */
export function oneLine(raw: string): string {
  return plainText(raw).replace(/\s+/g, ' ')
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, name: string) => {
    if (name.startsWith('#')) {
      const hex = name[1] === 'x' || name[1] === 'X'
      const code = Number.parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10)
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : match
    }
    return NAMED_ENTITIES[name] ?? match
  })
}

/** Characters as people count them (code points), which is how Facebook's limit reads. */
export function characterCount(text: string): number {
  let count = 0
  for (const _ of text) count += 1
  return count
}
