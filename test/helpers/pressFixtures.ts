import fs from 'node:fs/promises'
import path from 'node:path'
import type { Payload } from 'payload'

import { typeface } from '../../media/brand/typefaces'
import { brandAssetsDir } from '../../src/config/env'
import { coatOfArmsPng, coatOfArmsSvg } from '../../src/seed/coatOfArmsPng'

export const CONTACT = {
  name: 'Marte Lunde',
  title: 'Kommunikasjonsrådgiver',
  phone: '+47 400 00 000',
  email: 'kommunikasjon@example.com',
}

export type BrandFiles = { png: Buffer; svg: Buffer; ttf: Buffer }

/** A PNG coat of arms (also the brand global's), an SVG variant and the bundled TTF. */
export async function addBrandAssets(payload: Payload): Promise<BrandFiles> {
  const png = await coatOfArmsPng()
  const ttf = await fs.readFile(typeface('Source Sans 3').regular)
  const arms = await payload.create({
    collection: 'brand-assets',
    data: {
      title: 'Kommunevåpen PNG',
      kind: 'coat-of-arms',
      alt: 'Kommunevåpenet: blått skjold med sol og bølger.',
      usage: 'På hvit bakgrunn.',
    },
    file: { data: png, mimetype: 'image/png', name: 'vapen.png', size: png.length },
  })
  await payload.create({
    collection: 'brand-assets',
    data: {
      title: 'Kommunevåpen negativ SVG',
      kind: 'coat-of-arms',
      alt: 'Kommunevåpenet i hvitt.',
      usage: 'Til mørk bakgrunn.',
    },
    file: {
      data: Buffer.from(coatOfArmsSvg('white')),
      mimetype: 'image/svg+xml',
      name: 'vapen-negativ.svg',
      size: coatOfArmsSvg('white').length,
    },
  })
  await payload.create({
    collection: 'brand-assets',
    data: { title: 'Source Sans 3 normal', kind: 'font', usage: 'Brødtekst.' },
    file: { data: ttf, mimetype: 'font/ttf', name: 'source-sans-3.ttf', size: ttf.length },
  })
  await payload.updateGlobal({ slug: 'brand', data: { coatOfArms: arms.id } })
  const stored = await payload.find({
    collection: 'brand-assets',
    where: { filename: { equals: 'vapen-negativ.svg' } },
  })
  const svgName = stored.docs[0]?.filename ?? 'vapen-negativ.svg'
  const svg = await fs.readFile(path.join(brandAssetsDir(), svgName))
  return { png, svg, ttf }
}

/** A press release: published, public, with a contact, unless `fields` say otherwise. */
export async function addPressRelease(
  payload: Payload,
  department: number | string,
  title: string,
  fields: Record<string, unknown> = {},
): Promise<number | string> {
  const { draft, ...rest } = fields
  const doc = await payload.create({
    collection: 'news',
    data: {
      title,
      slug: title.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      type: 'press-release',
      lead: `Ingress for ${title}.`,
      contact: CONTACT,
      audience: 'public',
      department,
      _status: draft ? 'draft' : 'published',
      ...rest,
    } as never,
    draft: Boolean(draft),
  })
  return doc.id
}
