import fs from 'node:fs/promises'

import { TYPEFACES } from '../../media/brand/typefaces'
import { type CoatOfArmsVariant, coatOfArmsShapes, coatOfArmsSvg } from './coatOfArmsPng'
import type { SeedContext } from './SeedContext'
import { ensureDoc } from './ensureDoc'

type AssetSeed = {
  title: string
  kind: 'coat-of-arms' | 'logo' | 'font'
  alt?: string
  usage: string
  file: () => Promise<{ data: Buffer; name: string; mimetype: string }>
}

const DEMO_NOTE = 'Demofigur, ikke Modums ekte kommunevåpen.'

function svgFile(name: string, svg: string) {
  return () => Promise.resolve({ data: Buffer.from(svg), name, mimetype: 'image/svg+xml' })
}

function armsSeed(
  variant: CoatOfArmsVariant,
  title: string,
  usage: string,
  alt: string,
): AssetSeed {
  return {
    title,
    kind: 'coat-of-arms',
    alt,
    usage: `${usage} ${DEMO_NOTE}`,
    file: svgFile(`kommunevapen-demo-${variant}.svg`, coatOfArmsSvg(variant)),
  }
}

/** Coat of arms beside the name, for letterheads and web pages. */
function logoSvg(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="160" viewBox="0 0 640 160">
    <g transform="translate(16 8) scale(0.1945)">${coatOfArmsShapes('colour')}</g>
    <text x="160" y="100" font-family="Source Sans 3, Arial, sans-serif" font-size="64" font-weight="700" fill="#00507d">Modum kommune</text>
  </svg>`
}

function fontSeed(weight: 'regular' | 'bold'): AssetSeed {
  const face = TYPEFACES[0]
  const label = weight === 'regular' ? 'normal' : 'fet'
  return {
    title: `${face?.name ?? 'Source Sans 3'}, ${label}`,
    kind: 'font',
    usage:
      'Skriften i den grafiske profilen, til brødtekst og titler. SIL Open Font License 1.1: fri å bruke, også i trykk.',
    file: async () => {
      const path = weight === 'regular' ? face?.regular : face?.bold
      if (!path) throw new Error('no bundled typeface')
      return {
        data: await fs.readFile(path),
        name: `source-sans-3-${label}.ttf`,
        mimetype: 'font/ttf',
      }
    },
  }
}

const ASSETS: AssetSeed[] = [
  armsSeed(
    'colour',
    'Kommunevåpen (demo), farger, SVG',
    'Førstevalget. Brukes på hvit eller lys bakgrunn. Gi våpenet luft rundt seg, minst en firedel av bredden.',
    'Kommunevåpen (demo): blått skjold med gul kant, en gul sol øverst og to hvite bølger.',
  ),
  armsSeed(
    'black',
    'Kommunevåpen (demo), svart',
    'Til trykk i én farge, stempler og faks. Brukes når farger ikke er mulig.',
    'Kommunevåpen (demo) i svart: skjold med hvit sol og to hvite bølger.',
  ),
  armsSeed(
    'white',
    'Kommunevåpen (demo), negativ (hvit)',
    'Til mørk bakgrunn og bilder, for eksempel hovedfargen. Aldri på hvit bakgrunn.',
    'Kommunevåpen (demo) i hvitt: omriss av skjoldet med sol og to bølger.',
  ),
  {
    title: 'Logo (demo): kommunevåpen og navn',
    kind: 'logo',
    alt: 'Modum kommune: kommunevåpenet (demo) og navnet i hovedfargen.',
    usage: `Til brevark, nettsider og presentasjoner. Ikke skill navnet fra våpenet, og ikke skriv navnet på nytt i en annen skrift. ${DEMO_NOTE}`,
    file: svgFile('modum-kommune-logo-demo.svg', logoSvg()),
  },
  fontSeed('regular'),
  fontSeed('bold'),
]

/** The press room's files: coat of arms variants, a logo and the typeface (seedBrand adds the PNG). */
export async function seedBrandAssets(ctx: SeedContext): Promise<void> {
  for (const asset of ASSETS) {
    await ensureDoc(ctx, 'brand-assets', { title: { equals: asset.title } }, async () => {
      const file = await asset.file()
      return ctx.payload.create({
        collection: 'brand-assets',
        data: {
          title: asset.title,
          kind: asset.kind,
          ...(asset.alt ? { alt: asset.alt } : {}),
          usage: asset.usage,
        },
        file: { ...file, size: file.data.length },
        overwriteExistingFiles: true,
      })
    })
  }
}
