/** WCAG 2.1 contrast, for the graphic profile's colour pairs. */

function channel(value: number): number {
  const c = value / 255
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
}

export function relativeLuminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex)
  if (!match) throw new Error(`not a #RRGGBB colour: ${hex}`)
  const [r, g, b] = [match[1], match[2], match[3]].map((part) => channel(parseInt(part ?? '0', 16)))
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0)
}

/** (lighter + 0.05) / (darker + 0.05), from 1 (same colour) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x)
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05)
}

/** Body text needs 4.5:1, large text (≥ 24 px, or ≥ 18.7 px bold) 3:1 (WCAG 2.1, 1.4.3). */
export const MIN_BODY = 4.5
export const MIN_LARGE = 3

export type ColourRole = 'primary' | 'text' | 'background' | 'accent'

export type TextPair = {
  foreground: ColourRole
  background: ColourRole
  minimum: number
  /** Where the pair is used, in the editor's words. */
  usage: string
}

/** Every pair the hub's templates and channels set text in. */
export const TEXT_PAIRS: readonly TextPair[] = [
  { foreground: 'text', background: 'background', minimum: MIN_BODY, usage: 'brødtekst' },
  {
    foreground: 'background',
    background: 'primary',
    minimum: MIN_BODY,
    usage: 'tekst på hovedfargen (delingskort og infoskjerm)',
  },
  {
    foreground: 'primary',
    background: 'background',
    minimum: MIN_LARGE,
    usage: 'store titler i hovedfargen',
  },
]

export const ROLE_LABELS: Record<ColourRole, string> = {
  primary: 'Hovedfarge',
  text: 'Tekst',
  background: 'Bakgrunn',
  accent: 'Aksent',
}

/** "4,48:1", rounded down so a ratio shown as passing never fails. */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 100) / 100).toLocaleString('nb-NO', { minimumFractionDigits: 2 })}:1`
}

export type ContrastProblem = { path: string; message: string }

/** One problem per text pair below its minimum, naming both colours and the ratio found. */
export function contrastProblems(colours: Partial<Record<ColourRole, string>>): ContrastProblem[] {
  const problems: ContrastProblem[] = []
  for (const pair of TEXT_PAIRS) {
    const fg = colours[pair.foreground]
    const bg = colours[pair.background]
    if (!fg || !bg || !/^#[0-9a-f]{6}$/i.test(fg) || !/^#[0-9a-f]{6}$/i.test(bg)) continue
    const ratio = contrastRatio(fg, bg)
    if (ratio >= pair.minimum) continue
    problems.push({
      path: `colours.${pair.foreground}`,
      message: `For lav kontrast mellom ${ROLE_LABELS[pair.foreground].toLowerCase()} (${fg}) og ${ROLE_LABELS[pair.background].toLowerCase()} (${bg}): ${formatRatio(ratio)}. ${pair.usage[0]?.toUpperCase()}${pair.usage.slice(1)} krever minst ${formatRatio(pair.minimum)} (WCAG 2.1).`,
    })
  }
  return problems
}
