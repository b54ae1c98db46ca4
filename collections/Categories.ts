import type { CollectionConfig } from 'payload'

import { anyone, organisationWideOnly } from './shared/access/staffOnly'
import { slugField } from './shared/fields/slugField'

export const Categories: CollectionConfig = {
  slug: 'categories',
  graphQL: { singularName: 'Category', pluralName: 'Categories' },
  labels: {
    singular: { nb: 'Kategori', en: 'Category' },
    plural: { nb: 'Kategorier', en: 'Categories' },
  },
  admin: { useAsTitle: 'name', group: { nb: 'Organisasjon', en: 'Organisation' } },
  access: {
    read: anyone,
    create: organisationWideOnly,
    update: organisationWideOnly,
    delete: organisationWideOnly,
  },
  fields: [
    { name: 'name', type: 'text', required: true, label: { nb: 'Navn', en: 'Name' } },
    slugField('categories', 'name'),
  ],
}
