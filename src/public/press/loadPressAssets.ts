import type { Payload } from 'payload'

import { contrastRatio, formatRatio } from '../../../media/brand/contrast'
import { publicUrl } from '../../config/env'
import type { BrandAsset } from '../../payload-types'
import { brandFileUrl, type PageBrand, publicFonts } from '../html'
import type { AssetKind, PressAsset, PressColour, PressTypeface } from './pressKitTypes'

export const KIND_LABELS: Record<AssetKind, string> = {
  'coat-of-arms': 'Kommunevåpen',
  logo: 'Logo',
  font: 'Skrift',
  template: 'Mal',
  guide: 'Profilhåndbok',
}

const KIND_ORDER: AssetKind[] = ['coat-of-arms', 'logo', 'font', 'template', 'guide']

/** A file the press room serves under /press/files/, as the database describes it. */
export type BrandFile = { filename: string; mimeType: string; kind: AssetKind }

export type LoadedAssets = { assets: PressAsset[]; files: Map<string, BrandFile> }

export function toBrandFile(doc: BrandAsset): BrandFile | null {
  if (!doc.filename) return null
  return { filename: doc.filename, mimeType: doc.mimeType ?? '', kind: doc.kind }
}

/** Every brand asset with a file, by kind then title (Norwegian order). Brand assets are public (`read: anyone`). */
export async function loadPressAssets(payload: Payload): Promise<LoadedAssets> {
  const found = await payload.find({
    collection: 'brand-assets',
    overrideAccess: false,
    depth: 0,
    limit: 500,
  })
  const base = publicUrl()
  const files = new Map<string, BrandFile>()
  const assets: PressAsset[] = []
  for (const doc of found.docs) {
    const file = toBrandFile(doc)
    if (!file) continue
    files.set(file.filename, file)
    assets.push({
      id: String(doc.id),
      title: doc.title,
      kind: doc.kind,
      kindLabel: KIND_LABELS[doc.kind],
      alt: doc.alt?.trim() || null,
      usage: doc.usage?.trim() || null,
      filename: file.filename,
      mimeType: file.mimeType,
      bytes: doc.filesize ?? null,
      width: doc.width ?? null,
      height: doc.height ?? null,
      url: base + brandFileUrl(file.filename),
      updatedAt: doc.updatedAt,
    })
  }
  // Sorted here, not by the database: SQLite and PostgreSQL collate titles differently.
  assets.sort(
    (a, b) =>
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      a.title.localeCompare(b.title, 'nb'),
  )
  return { assets, files }
}

function rgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}

/** The profile's colours with what they are for, and the contrast that makes them usable. */
export function pressColours(brand: PageBrand): PressColour[] {
  const { primary, text, background, accent } = brand.colours
  const ratio = (a: string, b: string) => formatRatio(contrastRatio(a, b))
  return [
    {
      role: 'primary',
      name: 'Hovedfarge',
      hex: primary,
      rgb: rgb(primary),
      usage: `Flater, titler og lenker. Tekst i bakgrunnsfargen på hovedfargen har kontrast ${ratio(background, primary)}.`,
    },
    {
      role: 'text',
      name: 'Tekst',
      hex: text,
      rgb: rgb(text),
      usage: `Brødtekst. Kontrast mot bakgrunnen ${ratio(text, background)}.`,
    },
    {
      role: 'background',
      name: 'Bakgrunn',
      hex: background,
      rgb: rgb(background),
      usage: 'Bakgrunn for tekst og for kommunevåpenet.',
    },
    {
      role: 'accent',
      name: 'Aksent',
      hex: accent,
      rgb: rgb(accent),
      usage: `Streker og markeringer. Ikke til tekst på bakgrunnsfargen (kontrast ${ratio(accent, background)}).`,
    },
  ]
}

/** The typeface every channel uses, with the hub's own copies of the files. */
export function pressTypefaces(brand: PageBrand): PressTypeface[] {
  const fonts = publicFonts().filter((f) => f.family === brand.typeface)
  if (!fonts.length) return []
  return [
    {
      name: brand.typeface,
      licence: 'SIL Open Font License 1.1',
      usage: 'Brukes i alle kanaler: nettsider, delingsbilder og infoskjermer. Fri å bruke.',
      files: fonts.map((f) => ({ weight: f.weight, url: publicUrl() + f.path })),
    },
  ]
}
