import type { MediaKey } from './SeedContext'

/** Every demo picture is 1600×900 (16:9, the size the website and screens crop from). */
export const PHOTO_WIDTH = 1600
export const PHOTO_HEIGHT = 900

const svg = (defs: string, body: string): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${PHOTO_WIDTH}" height="${PHOTO_HEIGHT}" viewBox="0 0 ${PHOTO_WIDTH} ${PHOTO_HEIGHT}"><defs>${defs}</defs>${body}</svg>`

const vertical = (id: string, top: string, bottom: string): string =>
  `<linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient>`

/** Same pictures every run: a tiny deterministic generator instead of Math.random. */
function sequence(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648
  }
}

function landscape(): string {
  return svg(
    vertical('sky', '#7fb6de', '#eaf4fb') + vertical('lake', '#2f6f9f', '#0f3f63'),
    `<rect width="1600" height="900" fill="url(#sky)"/>
     <circle cx="1210" cy="250" r="110" fill="#f2b705"/>
     <path d="M0 520 C250 380 420 430 640 500 C860 570 1050 380 1300 420 C1450 445 1540 480 1600 500 L1600 640 L0 640 Z" fill="#5d8f4e"/>
     <path d="M0 580 C300 500 520 560 800 590 C1080 620 1300 540 1600 560 L1600 660 L0 660 Z" fill="#3f7340"/>
     <rect y="640" width="1600" height="260" fill="url(#lake)"/>
     <g stroke="#ffffff" stroke-opacity="0.45" stroke-width="6" stroke-linecap="round">
       <line x1="1120" y1="700" x2="1300" y2="700"/><line x1="1160" y1="740" x2="1260" y2="740"/>
       <line x1="200" y1="780" x2="420" y2="780"/><line x1="640" y1="830" x2="820" y2="830"/>
     </g>`,
  )
}

function school(): string {
  const windows: string[] = []
  for (let row = 0; row < 2; row++) {
    for (let col = 0; col < 6; col++) {
      if (row === 1 && (col === 2 || col === 3)) continue
      windows.push(
        `<rect x="${470 + col * 110}" y="${430 + row * 130}" width="70" height="80" rx="6" fill="#f4f8fb"/>`,
      )
    }
  }
  return svg(
    vertical('sky', '#a7d3f2', '#f3f9fd') + vertical('lawn', '#79b05a', '#4f8a3c'),
    `<rect width="1600" height="900" fill="url(#sky)"/>
     <rect y="700" width="1600" height="200" fill="url(#lawn)"/>
     <polygon points="400,380 800,220 1200,380" fill="#6b2e25"/>
     <rect x="430" y="380" width="740" height="330" fill="#b5412f"/>
     ${windows.join('')}
     <rect x="710" y="570" width="180" height="140" rx="8" fill="#5a2a20"/>
     <rect x="1320" y="300" width="12" height="410" fill="#d9d9d9"/>
     <rect x="1332" y="310" width="150" height="100" fill="#ba0c2f"/>
     <rect x="1372" y="310" width="30" height="100" fill="#ffffff"/><rect x="1332" y="345" width="150" height="30" fill="#ffffff"/>
     <rect x="1380" y="310" width="14" height="100" fill="#00205b"/><rect x="1332" y="353" width="150" height="14" fill="#00205b"/>
     <circle cx="230" cy="640" r="90" fill="#3f7a34"/><rect x="220" y="680" width="20" height="60" fill="#5b4030"/>`,
  )
}

function water(): string {
  return svg(
    vertical('bg', '#0f4c75', '#06243a') + vertical('drop', '#7cc6f2', '#2b86c5'),
    `<rect width="1600" height="900" fill="url(#bg)"/>
     <path d="M800 120 C880 260 1010 400 1010 530 C1010 650 915 740 800 740 C685 740 590 650 590 530 C590 400 720 260 800 120 Z" fill="url(#drop)"/>
     <ellipse cx="720" cy="520" rx="40" ry="80" fill="#ffffff" fill-opacity="0.35"/>
     <rect x="0" y="780" width="1600" height="60" rx="30" fill="#8a9aa6"/>
     <rect x="180" y="600" width="60" height="240" rx="20" fill="#8a9aa6"/>
     <rect x="1360" y="560" width="60" height="280" rx="20" fill="#8a9aa6"/>
     <rect x="150" y="580" width="120" height="40" rx="12" fill="#b7c4cd"/>
     <rect x="1330" y="540" width="120" height="40" rx="12" fill="#b7c4cd"/>
     <circle cx="1180" cy="300" r="26" fill="#7cc6f2" fill-opacity="0.7"/>
     <circle cx="420" cy="360" r="18" fill="#7cc6f2" fill-opacity="0.6"/>`,
  )
}

function road(): string {
  const dashes: string[] = []
  for (let i = 0; i < 6; i++) {
    const top = 470 + i * 70 + i * i * 6
    const height = 24 + i * 14
    const half = 3 + i * 2.5
    dashes.push(
      `<polygon points="${800 - half},${top} ${800 + half},${top} ${800 + half * 1.3},${top + height} ${800 - half * 1.3},${top + height}" fill="#f2b705"/>`,
    )
  }
  return svg(
    vertical('sky', '#8cc0e6', '#f0f7fc') + vertical('field', '#9cc56a', '#5f9a3c'),
    `<rect width="1600" height="900" fill="url(#sky)"/>
     <rect y="440" width="1600" height="460" fill="url(#field)"/>
     <polygon points="770,440 830,440 1250,900 350,900" fill="#6e7378"/>
     ${dashes.join('')}
     <circle cx="260" cy="420" r="70" fill="#2f6b34"/><rect x="252" y="470" width="16" height="60" fill="#5b4030"/>
     <circle cx="1340" cy="400" r="90" fill="#2f6b34"/><rect x="1330" y="460" width="20" height="80" fill="#5b4030"/>
     <circle cx="1050" cy="430" r="40" fill="#3d7d3f"/>`,
  )
}

function library(): string {
  const next = sequence(7)
  const colours = [
    '#00507d',
    '#b5412f',
    '#f2b705',
    '#3f7340',
    '#6c4f8c',
    '#e07a2f',
    '#2a9d8f',
    '#d9d9d9',
  ]
  const books: string[] = []
  for (let shelf = 0; shelf < 3; shelf++) {
    const base = 300 + shelf * 250
    let x = 120
    while (x < 1460) {
      const width = 36 + Math.floor(next() * 40)
      const height = 150 + Math.floor(next() * 70)
      const colour = colours[Math.floor(next() * colours.length)] ?? '#00507d'
      books.push(
        `<rect x="${x}" y="${base - height}" width="${width}" height="${height}" rx="4" fill="${colour}"/>`,
      )
      x += width + 6
    }
    books.push(`<rect x="90" y="${base}" width="1420" height="26" fill="#6b4a2f"/>`)
  }
  return svg(
    vertical('wall', '#f3e9d8', '#e2d2b8'),
    `<rect width="1600" height="900" fill="url(#wall)"/>${books.join('')}`,
  )
}

function pattern(): string {
  const waves: string[] = []
  for (let i = 0; i < 7; i++) {
    const y = 180 + i * 110
    waves.push(
      `<path d="M0 ${y} C400 ${y - 90} 800 ${y + 90} 1200 ${y} S1600 ${y - 60} 1600 ${y} L1600 900 L0 900 Z" fill="#ffffff" fill-opacity="0.07"/>`,
    )
  }
  return svg(
    `<linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#00507d"/><stop offset="1" stop-color="#0a2540"/></linearGradient>`,
    `<rect width="1600" height="900" fill="url(#bg)"/>${waves.join('')}<circle cx="1380" cy="180" r="60" fill="#f2b705" fill-opacity="0.8"/>`,
  )
}

const SCENES: Record<MediaKey, () => string> = { landscape, school, water, road, library, pattern }

/** A text-free illustration as SVG (a fresh machine may have no fonts for sharp to draw with). */
export function demoPhotoSvg(key: MediaKey): string {
  return SCENES[key]()
}
