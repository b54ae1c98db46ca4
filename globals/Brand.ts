import type { GlobalConfig, TextField } from 'payload'

import { isOrganisationWide } from '../collections/shared/roles'

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

/** One graphic profile on every channel: coat of arms, colours, typeface. */
export const Brand: GlobalConfig = {
  slug: 'brand',
  label: { nb: 'Grafisk profil', en: 'Graphic profile' },
  admin: { group: { nb: 'Grafisk profil', en: 'Graphic profile' } },
  access: {
    read: () => true,
    update: ({ req }) => isOrganisationWide(req),
  },
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
    },
  ],
}
