import type { CollectionConfig } from 'payload'

import { staffOnly } from '../shared/access/staffOnly'
import { dateTimeField } from '../shared/fields/dateField'
import { ATTEMPT_OUTCOMES } from '../../src/outbox/deliveryStates'

/** Append-only: one row per attempt to deliver, written by src/outbox/ only. */
export const DeliveryAttempts: CollectionConfig = {
  slug: 'delivery-attempts',
  graphQL: { singularName: 'DeliveryAttempt', pluralName: 'DeliveryAttempts' },
  labels: {
    singular: { nb: 'Leveranseforsøk', en: 'Delivery attempt' },
    plural: { nb: 'Leveranseforsøk', en: 'Delivery attempts' },
  },
  admin: {
    defaultColumns: ['delivery', 'attempt', 'outcome', 'statusCode', 'durationMs', 'startedAt'],
    group: { nb: 'Kanaler', en: 'Channels' },
  },
  access: { read: staffOnly, create: () => false, update: () => false, delete: () => false },
  fields: [
    {
      name: 'delivery',
      type: 'relationship',
      relationTo: 'deliveries',
      required: true,
      index: true,
      label: { nb: 'Leveranse', en: 'Delivery' },
    },
    { name: 'attempt', type: 'number', required: true, label: { nb: 'Forsøk nr.', en: 'Attempt' } },
    dateTimeField(
      'startedAt',
      { nb: 'Startet', en: 'Started' },
      { required: true, timezone: false },
    ),
    { name: 'durationMs', type: 'number', label: { nb: 'Varighet (ms)', en: 'Duration (ms)' } },
    { name: 'statusCode', type: 'number', label: { nb: 'Svarkode', en: 'Status code' } },
    {
      name: 'outcome',
      type: 'select',
      required: true,
      label: { nb: 'Utfall', en: 'Outcome' },
      options: ATTEMPT_OUTCOMES.map((value) => ({ value, label: value })),
    },
    { name: 'error', type: 'textarea', label: { nb: 'Feil', en: 'Error' } },
    { name: 'worker', type: 'text', label: { nb: 'Prosess', en: 'Worker' } },
    // Declared so Payload does not index it: attempts are append-only, never sorted by it.
    {
      name: 'updatedAt',
      type: 'date',
      label: { nb: 'Endret', en: 'Updated' },
      admin: { hidden: true, disableBulkEdit: true },
    },
  ],
}
