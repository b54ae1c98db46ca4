import type { Payload } from 'payload'

import type { ColourRole } from '../../../media/brand/contrast'
import type { Brand } from '../../payload-types'

/** What the page shell needs from the graphic profile. */
export type PageBrand = {
  organisationName: string
  colours: Record<ColourRole, string>
  /** A typeface that ships with the hub (media/brand/typefaces.ts); others fall back to system fonts. */
  typeface: string
  coatOfArms: { src: string; alt: string } | null
}

/** Where the hub serves brand-asset files to the public (the press room's download route). */
export const BRAND_FILE_PREFIX = '/press/files/'

export function brandFileUrl(filename: string): string {
  return `${BRAND_FILE_PREFIX}${encodeURIComponent(filename)}`
}

export const DEFAULT_PAGE_BRAND: PageBrand = {
  organisationName: 'Modum kommune',
  colours: { primary: '#00507d', text: '#1a1a1a', background: '#ffffff', accent: '#f2b705' },
  typeface: 'Source Sans 3',
  coatOfArms: null,
}

/** The brand global as the shell wants it; missing pieces fall back to the defaults. */
export function pageBrandFrom(brand: Partial<Brand> | null | undefined): PageBrand {
  const colours = { ...DEFAULT_PAGE_BRAND.colours }
  for (const role of Object.keys(colours) as ColourRole[]) {
    const value = brand?.colours?.[role]
    if (typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value)) colours[role] = value
  }
  const arms = typeof brand?.coatOfArms === 'object' ? brand.coatOfArms : null
  const organisationName = brand?.organisationName ?? DEFAULT_PAGE_BRAND.organisationName
  return {
    organisationName,
    colours,
    typeface: brand?.typeface ?? DEFAULT_PAGE_BRAND.typeface,
    coatOfArms: arms?.filename
      ? {
          src: brandFileUrl(arms.filename),
          alt: arms.alt?.trim() || `${organisationName} kommunevåpen`,
        }
      : null,
  }
}

/** Reads the brand global (public: `read` is open to anyone). */
export async function loadPageBrand(payload: Payload): Promise<PageBrand> {
  const brand = await payload.findGlobal({ slug: 'brand', depth: 1, overrideAccess: false })
  return pageBrandFrom(brand)
}
