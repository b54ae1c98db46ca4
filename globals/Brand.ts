import {
  type GlobalBeforeChangeHook,
  type GlobalConfig,
  type TextField,
  ValidationError,
} from 'payload'

import { isOrganisationWide } from '../collections/shared/roles'
import { type ColourRole, contrastProblems } from '../media/brand/contrast'
import { TYPEFACES } from '../media/brand/typefaces'

const HEX = /^#[0-9a-f]{6}$/i

function colour(name: string, label: { nb: string; en: string }, defaultValue: string): TextField {
  return {
    name,
    type: 'text',
    required: true,
    defaultValue,
    label,
    validate: (value: unknown) =>
      typeof value === 'string' && HEX.test(value) ? true : 'Fargen må skrives som #RRGGBB.',
  }
}

/**
 * Colour pairs that carry text must be readable (WCAG 2.1: 4.5:1 body text, 3:1 large text).
 * A failing pair refuses the save with a 400 that names the colours and the ratio found.
 */
const checkContrast: GlobalBeforeChangeHook = ({ data, originalDoc }) => {
  const colours = {
    ...((originalDoc as { colours?: object } | undefined)?.colours ?? {}),
    ...((data as { colours?: object }).colours ?? {}),
  } as Partial<Record<ColourRole, string>>
  const problems = contrastProblems(colours)
  if (problems.length > 0) throw new ValidationError({ errors: problems, global: 'brand' })
  return data as unknown
}

/** One graphic profile on every channel: coat of arms, colours, typeface. */
export const Brand: GlobalConfig = {
  slug: 'brand',
  label: { nb: 'Grafisk profil', en: 'Graphic profile' },
  admin: { group: { nb: 'Grafisk profil', en: 'Graphic profile' } },
  access: {
    read: () => true,
    update: ({ req }) => isOrganisationWide(req),
  },
  hooks: { beforeChange: [checkContrast] },
  fields: [
    {
      name: 'organisationName',
      type: 'text',
      required: true,
      defaultValue: 'Modum kommune',
      label: { nb: 'Navn', en: 'Name' },
    },
    {
      name: 'coatOfArms',
      type: 'upload',
      relationTo: 'brand-assets',
      label: { nb: 'Kommunevåpen', en: 'Coat of arms' },
    },
    {
      name: 'colours',
      type: 'group',
      label: { nb: 'Farger', en: 'Colours' },
      fields: [
        colour('primary', { nb: 'Hovedfarge', en: 'Primary' }, '#00507d'),
        colour('text', { nb: 'Tekst', en: 'Text' }, '#1a1a1a'),
        colour('background', { nb: 'Bakgrunn', en: 'Background' }, '#ffffff'),
        colour('accent', { nb: 'Aksent', en: 'Accent' }, '#f2b705'),
      ],
    },
    {
      name: 'typeface',
      type: 'text',
      required: true,
      defaultValue: 'Source Sans 3',
      label: { nb: 'Skrifttype', en: 'Typeface' },
      admin: {
        description: {
          nb: `Skrifter som følger med huben: ${TYPEFACES.map((t) => t.name).join(', ')}.`,
          en: `Typefaces that ship with the hub: ${TYPEFACES.map((t) => t.name).join(', ')}.`,
        },
      },
      validate: (value: unknown) =>
        TYPEFACES.some((t) => t.name === value)
          ? true
          : `Velg en skrift som følger med huben: ${TYPEFACES.map((t) => t.name).join(', ')}. Andre skrifter ville se ulike ut fra maskin til maskin.`,
    },
  ],
}
