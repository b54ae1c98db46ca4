import type { CollectionConfig } from 'payload'

import { organisationWideOnly, staffOnly } from './shared/access/staffOnly'
import { slugField } from './shared/fields/slugField'

/** Digital signage screens in municipal buildings. */
export const Screens: CollectionConfig = {
  slug: 'screens',
  graphQL: { singularName: 'Screen', pluralName: 'Screens' },
  labels: {
    singular: { nb: 'Infoskjerm', en: 'Screen' },
    plural: { nb: 'Infoskjermer', en: 'Screens' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'location', 'groups', 'orientation'],
    group: { nb: 'Kanaler', en: 'Channels' },
  },
  access: {
    read: staffOnly,
    create: organisationWideOnly,
    update: organisationWideOnly,
    delete: organisationWideOnly,
  },
  fields: [
    { name: 'name', type: 'text', required: true, label: { nb: 'Navn', en: 'Name' } },
    slugField('screens', 'name'),
    { name: 'location', type: 'text', required: true, label: { nb: 'Plassering', en: 'Location' } },
    {
      name: 'groups',
      type: 'text',
      hasMany: true,
      label: { nb: 'Grupper', en: 'Groups' },
      admin: {
        description: { nb: 'For eksempel «resepsjon» eller «personalrom».', en: 'Screen groups.' },
      },
    },
    {
      name: 'orientation',
      type: 'select',
      required: true,
      defaultValue: 'landscape',
      label: { nb: 'Retning', en: 'Orientation' },
      options: [
        { value: 'landscape', label: { nb: 'Liggende', en: 'Landscape' } },
        { value: 'portrait', label: { nb: 'Stående', en: 'Portrait' } },
      ],
    },
  ],
}
