import type { CollectionConfig } from 'payload'

import { itemFields } from '../shared/fields/itemFields'
import { itemCollectionDefaults } from '../shared/itemCollection'
import { pressContactField } from './pressContactField'

export const News: CollectionConfig = {
  slug: 'news',
  graphQL: { singularName: 'NewsItem', pluralName: 'News' },
  labels: {
    singular: { nb: 'Nyhet', en: 'News item' },
    plural: { nb: 'Nyheter', en: 'News' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'type', 'audience', 'department', '_status', 'publishAt'],
    group: { nb: 'Innhold', en: 'Content' },
    listSearchableFields: ['title', 'lead', 'slug'],
  },
  ...itemCollectionDefaults,
  fields: itemFields({
    collection: 'news',
    defaultChannels: ['website', 'facebook', 'feeds'],
    typeFields: [
      {
        name: 'type',
        type: 'select',
        required: true,
        defaultValue: 'news',
        label: { nb: 'Type', en: 'Type' },
        options: [
          { value: 'news', label: { nb: 'Nyhet', en: 'News' } },
          { value: 'press-release', label: { nb: 'Pressemelding', en: 'Press release' } },
        ],
        admin: { position: 'sidebar' },
      },
      pressContactField,
    ],
  }),
}
