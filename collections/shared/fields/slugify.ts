const REPLACEMENTS: Record<string, string> = {
  æ: 'ae',
  ø: 'o',
  å: 'a',
  ä: 'a',
  ö: 'o',
  ü: 'u',
  é: 'e',
}

/** URL-safe slug from Norwegian text: "Åpen barnehage på Vikersund" → "apen-barnehage-pa-vikersund". */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[æøåäöüé]/g, (ch) => REPLACEMENTS[ch] ?? ch)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
}
