import fs from 'node:fs/promises'
import path from 'node:path'
import type { Payload, PayloadRequest } from 'payload'

import { brandAssetsDir } from '../../src/config/env'
import type { ColourRole } from '../brand/contrast'
import { type Typeface, typeface } from '../brand/typefaces'

/** What the templates need from the graphic profile. */
export type BrandLook = {
  organisationName: string
  colours: Record<ColourRole, string>
  typeface: Typeface
  /** The coat of arms' file (PNG or sanitised SVG), if one is chosen. */
  coatOfArms: Buffer | null
  coatOfArmsFile: string | null
  /** Changes whenever anything above changes. */
  fingerprint: string
}

type BrandDoc = {
  organisationName?: string | null
  colours?: Partial<Record<ColourRole, string | null>> | null
  typeface?: string | null
  coatOfArms?: { filename?: string | null; updatedAt?: string | null } | number | null
}

const DEFAULTS: Record<ColourRole, string> = {
  primary: '#00507d',
  text: '#1a1a1a',
  background: '#ffffff',
  accent: '#f2b705',
}

export async function loadBrandLook(
  payload: Payload,
  req?: Partial<PayloadRequest>,
): Promise<BrandLook> {
  const brand = (await payload.findGlobal({
    slug: 'brand',
    depth: 1,
    overrideAccess: true,
    req,
  })) as BrandDoc
  const colours = { ...DEFAULTS }
  for (const role of Object.keys(DEFAULTS) as ColourRole[]) {
    const value = brand.colours?.[role]
    if (value) colours[role] = value
  }
  const arms = typeof brand.coatOfArms === 'object' ? brand.coatOfArms : null
  const coatOfArmsFile = arms?.filename ? path.basename(arms.filename) : null
  const coatOfArms = await readBrandAsset(coatOfArmsFile)
  const face = typeface(brand.typeface)
  return {
    organisationName: brand.organisationName ?? 'Modum kommune',
    colours,
    typeface: face,
    coatOfArms,
    coatOfArmsFile,
    fingerprint: JSON.stringify([
      brand.organisationName,
      colours,
      face.name,
      arms?.filename,
      arms?.updatedAt,
    ]),
  }
}

export async function readBrandAsset(file: string | null): Promise<Buffer | null> {
  if (!file) return null
  return fs.readFile(path.join(brandAssetsDir(), path.basename(file))).catch(() => null)
}
