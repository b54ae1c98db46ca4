import sharp from 'sharp'

const SHIELD = 'M60 40 H540 V380 C540 560 420 660 300 700 C180 660 60 560 60 380 Z'

/**
 * A stand-in coat of arms for the demo: a blue shield with a white river and a gold sun, no text.
 * Deliberately not Modum's real arms, which the municipality uploads itself.
 */
export async function coatOfArmsPng(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="740" viewBox="0 0 600 740">
    <defs><clipPath id="shield"><path d="${SHIELD}"/></clipPath></defs>
    <path d="${SHIELD}" fill="#00507d"/>
    <g clip-path="url(#shield)">
      <path d="M0 400 C100 340 200 460 300 400 C400 340 500 460 600 400 L600 480 C500 540 400 420 300 480 C200 540 100 420 0 480 Z" fill="#ffffff"/>
      <path d="M0 540 C100 480 200 600 300 540 C400 480 500 600 600 540 L600 590 C500 650 400 530 300 590 C200 650 100 530 0 590 Z" fill="#ffffff"/>
    </g>
    <circle cx="300" cy="220" r="90" fill="#f2b705"/>
    <path d="${SHIELD}" fill="none" stroke="#f2b705" stroke-width="16" stroke-linejoin="round"/>
  </svg>`
  return sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toBuffer()
}
