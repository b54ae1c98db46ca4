import type { CollectionConfig } from 'payload'

import { ITEM_COLLECTIONS } from '../Media/access/readMedia'
import { operatorEndpoints } from './endpoints/operatorEndpoints'
import { staffOnly } from '../shared/access/staffOnly'
import { dateTimeField } from '../shared/fields/dateField'
import { DELIVERY_ACTIONS, DELIVERY_STATUSES } from '../../src/outbox/deliveryStates'
import { DELIVERY_STATUS_LABELS } from './statusLabels'

const COMPONENTS = '/collections/Deliveries/components'

const ACTION_LABELS: Record<(typeof DELIVERY_ACTIONS)[number], { nb: string; en: string }> = {
  publish: { nb: 'Publiser', en: 'Publish' },
  update: { nb: 'Oppdater', en: 'Update' },
  retract: { nb: 'Trekk tilbake', en: 'Retract' },
}

/**
 * The delivery ledger: one row per item × revision × channel × target × action. Rows are written
 * only by src/outbox/ (through the Local API or its claim statement); over the API staff may read.
 * The item is referenced by collection and id rather than a relationship, so a retraction
 * outlives the deleted item it retracts.
 *
 * Few indexes on purpose: claim and settle change `status`, so every update of a row rewrites
 * every index on it. The hand-written ones in migration ledger_claim_indexes serve the claim and
 * the per-item lookups; updatedAt serves the list; the key is unique.
 */
export const Deliveries: CollectionConfig = {
  slug: 'deliveries',
  graphQL: { singularName: 'Delivery', pluralName: 'Deliveries' },
  labels: {
    singular: { nb: 'Leveranse', en: 'Delivery' },
    plural: { nb: 'Leveranser', en: 'Deliveries' },
  },
  defaultSort: '-updatedAt',
  admin: {
    useAsTitle: 'itemTitle',
    defaultColumns: [
      'itemTitle',
      'channel',
      'targetName',
      'action',
      'status',
      'attempts',
      'nextAttemptAt',
      'lastError',
      'updatedAt',
    ],
    listSearchableFields: ['itemTitle', 'itemUid'],
    group: { nb: 'Kanaler', en: 'Channels' },
    components: {
      beforeListTable: [
        `${COMPONENTS}/ChannelStatusPanel#ChannelStatusPanel`,
        `${COMPONENTS}/DeliveriesFilterBar#DeliveriesFilterBar`,
      ],
    },
  },
  access: { read: staffOnly, create: () => false, update: () => false, delete: () => false },
  endpoints: operatorEndpoints,
  fields: [
    {
      name: 'itemCollection',
      type: 'select',
      required: true,
      label: { nb: 'Innholdstype', en: 'Item type' },
      options: ITEM_COLLECTIONS.map((value) => ({ value, label: value })),
    },
    { name: 'itemId', type: 'text', required: true, label: { nb: 'Sak', en: 'Item' } },
    {
      // Filterable so the Distribution panel's link shows up as a condition in the list's filters.
      // Lookups by it use deliveries_key_idx (item_uid, channel, target, id).
      name: 'itemUid',
      type: 'text',
      required: true,
      label: { nb: 'Sak (uid)', en: 'Item (uid)' },
      admin: { position: 'sidebar', disableListColumn: true },
    },
    { name: 'itemTitle', type: 'text', label: { nb: 'Tittel', en: 'Title' } },
    { name: 'revision', type: 'number', required: true, label: { nb: 'Versjon', en: 'Revision' } },
    {
      name: 'channel',
      type: 'text',
      required: true,
      label: { nb: 'Kanal', en: 'Channel' },
      admin: { components: { Cell: `${COMPONENTS}/ChannelCell#ChannelCell` } },
    },
    { name: 'target', type: 'text', required: true, label: { nb: 'Mottaker', en: 'Target' } },
    { name: 'targetName', type: 'text', label: { nb: 'Mottakernavn', en: 'Target name' } },
    {
      name: 'action',
      type: 'select',
      required: true,
      label: { nb: 'Handling', en: 'Action' },
      options: DELIVERY_ACTIONS.map((value) => ({ value, label: ACTION_LABELS[value] })),
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      label: { nb: 'Status', en: 'Status' },
      options: DELIVERY_STATUSES.map((value) => ({ value, label: DELIVERY_STATUS_LABELS[value] })),
      admin: { components: { Cell: `${COMPONENTS}/StatusCell#StatusCell` } },
    },
    {
      name: 'attempts',
      type: 'number',
      required: true,
      defaultValue: 0,
      label: { nb: 'Forsøk', en: 'Attempts' },
    },
    dateTimeField('nextAttemptAt', { nb: 'Neste forsøk', en: 'Next attempt' }, { timezone: false }),
    { name: 'leaseToken', type: 'text', admin: { hidden: true } },
    dateTimeField(
      'leaseUntil',
      { nb: 'Låst til', en: 'Leased until' },
      { timezone: false, admin: { hidden: true } },
    ),
    dateTimeField('deliveredAt', { nb: 'Levert', en: 'Delivered at' }, { timezone: false }),
    { name: 'externalId', type: 'text', label: { nb: 'Ekstern id', en: 'External id' } },
    { name: 'externalUrl', type: 'text', label: { nb: 'Lenke', en: 'Link' } },
    {
      name: 'receipt',
      type: 'json',
      admin: { hidden: true },
      label: { nb: 'Kvittering', en: 'Receipt' },
    },
    {
      name: 'lastStatusCode',
      type: 'number',
      label: { nb: 'Siste svarkode', en: 'Last status code' },
    },
    { name: 'lastError', type: 'textarea', label: { nb: 'Siste feil', en: 'Last error' } },
    {
      name: 'idempotencyKey',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      admin: { hidden: true },
    },
    {
      name: 'snapshot',
      type: 'json',
      label: { nb: 'Innhold som sendes', en: 'Item snapshot' },
      admin: {
        description: {
          nb: 'Saken slik den var i denne versjonen.',
          en: 'The item as of this revision.',
        },
      },
    },
    // Declared so Payload does not index it: the list sorts by updatedAt.
    {
      name: 'createdAt',
      type: 'date',
      label: { nb: 'Opprettet', en: 'Created' },
      admin: { hidden: true, disableBulkEdit: true },
    },
  ],
}
