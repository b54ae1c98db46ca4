import type { CollectionConfig } from 'payload'

import { dateTimeField, isBefore } from '../shared/fields/dateField'
import { itemFields } from '../shared/fields/itemFields'
import { itemCollectionDefaults } from '../shared/itemCollection'

const HTTP_URL = /^https?:\/\/[^\s/$.?#].[^\s]*$/i

export const Events: CollectionConfig = {
  slug: 'events',
  graphQL: { singularName: 'Event', pluralName: 'Events' },
  labels: {
    singular: { nb: 'Arrangement', en: 'Event' },
    plural: { nb: 'Arrangementer', en: 'Events' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'startsAt', 'place', 'audience', '_status'],
    group: { nb: 'Innhold', en: 'Content' },
    listSearchableFields: ['title', 'place', 'organiser'],
  },
  ...itemCollectionDefaults,
  defaultSort: 'startsAt',
  fields: itemFields({
    collection: 'events',
    defaultChannels: ['website', 'facebook', 'feeds', 'signage'],
    typeFields: [
      {
        type: 'row',
        fields: [
          dateTimeField('startsAt', { nb: 'Starter', en: 'Starts' }, { required: true }),
          dateTimeField(
            'endsAt',
            { nb: 'Slutter', en: 'Ends' },
            {
              validate: (value, { siblingData }) => {
                const startsAt = (siblingData as { startsAt?: unknown }).startsAt
                return value && isBefore(value, startsAt)
                  ? 'Slutttidspunktet kan ikke være før starttidspunktet.'
                  : true
              },
            },
          ),
        ],
      },
      {
        name: 'place',
        type: 'text',
        required: true,
        label: { nb: 'Sted', en: 'Place' },
      },
      { name: 'address', type: 'text', label: { nb: 'Adresse', en: 'Address' } },
      { name: 'organiser', type: 'text', label: { nb: 'Arrangør', en: 'Organiser' } },
      {
        name: 'price',
        type: 'text',
        label: { nb: 'Pris', en: 'Price' },
        admin: { description: { nb: 'For eksempel «Gratis» eller «150 kr».', en: 'E.g. "Free".' } },
      },
      {
        name: 'registrationUrl',
        type: 'text',
        label: { nb: 'Lenke til påmelding', en: 'Registration link' },
        validate: (value: unknown) =>
          value && (typeof value !== 'string' || !HTTP_URL.test(value))
            ? 'Lenken må begynne med https:// eller http://.'
            : true,
      },
    ],
  }),
}
