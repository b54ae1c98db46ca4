import type { CollectionConfig } from 'payload'

import { dateTimeField } from '../shared/fields/dateField'
import { expiresAfterPublish, itemFields } from '../shared/fields/itemFields'
import { itemCollectionDefaults } from '../shared/itemCollection'

/** Driftsmeldinger: short-lived notices (water, roads, outages) that always end. */
export const ServiceMessages: CollectionConfig = {
  slug: 'service-messages',
  graphQL: { singularName: 'ServiceMessage', pluralName: 'ServiceMessages' },
  labels: {
    singular: { nb: 'Driftsmelding', en: 'Service message' },
    plural: { nb: 'Driftsmeldinger', en: 'Service messages' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'area', 'severity', 'expiresAt', '_status'],
    group: { nb: 'Innhold', en: 'Content' },
  },
  ...itemCollectionDefaults,
  fields: itemFields({
    collection: 'service-messages',
    defaultChannels: ['website', 'feeds', 'signage'],
    typeFields: [
      {
        name: 'area',
        type: 'text',
        required: true,
        label: { nb: 'Område', en: 'Area' },
        admin: { description: { nb: 'For eksempel «Geithus og Åmot».', en: 'Affected area.' } },
      },
      {
        name: 'severity',
        type: 'select',
        required: true,
        defaultValue: 'info',
        label: { nb: 'Alvorlighet', en: 'Severity' },
        options: [
          { value: 'info', label: { nb: 'Informasjon', en: 'Information' } },
          { value: 'warning', label: { nb: 'Varsel', en: 'Warning' } },
          { value: 'critical', label: { nb: 'Kritisk', en: 'Critical' } },
        ],
      },
    ],
    expiresAt: dateTimeField(
      'expiresAt',
      { nb: 'Gyldig til', en: 'Valid until' },
      {
        required: true,
        // A custom validate replaces Payload's own, so the required check lives here too.
        validate: (value, options) =>
          value ? expiresAfterPublish(value, options) : 'En driftsmelding må ha «Gyldig til».',
        admin: {
          position: 'sidebar',
          description: {
            nb: 'Meldingen forsvinner fra alle kanaler når tiden er ute.',
            en: 'Leaves every channel when the time is up.',
          },
        },
      },
    ),
  }),
}
