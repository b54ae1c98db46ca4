import sharp from 'sharp'

const SHIELD = 'M60 40 H540 V380 C540 560 420 660 300 700 C180 660 60 560 60 380 Z'
const WAVES = [
  'M0 400 C100 340 200 460 300 400 C400 340 500 460 600 400 L600 480 C500 540 400 420 300 480 C200 540 100 420 0 480 Z',
  'M0 540 C100 480 200 600 300 540 C400 480 500 600 600 540 L600 590 C500 650 400 530 300 590 C200 650 100 530 0 590 Z',
]

/** Full colour, one colour (black, for print and stamps), or negative (white, for dark grounds). */
export type CoatOfArmsVariant = 'colour' | 'black' | 'white'

const COLOURS: Record<CoatOfArmsVariant, { field: string; charge: string; sun: string }> = {
  colour: { field: '#00507d', charge: '#ffffff', sun: '#f2b705' },
  black: { field: '#000000', charge: '#ffffff', sun: '#ffffff' },
  white: { field: 'none', charge: '#ffffff', sun: '#ffffff' },
}

/**
 * A stand-in coat of arms for the demo: a blue shield with a white river and a gold sun, no text.
 * Deliberately not Modum's real arms, which the municipality uploads itself. In one colour the
 * river is cut out of the field; in the negative the outline, river and sun are drawn in white.
 */
export function coatOfArmsSvg(variant: CoatOfArmsVariant = 'colour'): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="740" viewBox="0 0 600 740">
    ${coatOfArmsShapes(variant)}
  </svg>`
}

/** The drawing itself in a 600 × 740 box, to place inside another SVG (the logo). */
export function coatOfArmsShapes(variant: CoatOfArmsVariant): string {
  const c = COLOURS[variant]
  const waves = WAVES.map((d) => `<path d="${d}" fill="${c.charge}"/>`).join('')
  const rim = variant === 'colour' ? '#f2b705' : variant === 'black' ? '#000000' : '#ffffff'
  return `<defs><clipPath id="shield"><path d="${SHIELD}"/></clipPath></defs>
    <path d="${SHIELD}" fill="${c.field}"/>
    <g clip-path="url(#shield)">${waves}</g>
    <circle cx="300" cy="220" r="90" fill="${c.sun}"/>
    <path d="${SHIELD}" fill="none" stroke="${rim}" stroke-width="16" stroke-linejoin="round"/>`
}

export async function coatOfArmsPng(): Promise<Buffer> {
  return sharp(Buffer.from(coatOfArmsSvg('colour')))
    .png({ compressionLevel: 9 })
    .toBuffer()
}
