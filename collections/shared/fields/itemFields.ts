import { randomUUID } from 'node:crypto'
import type { CollectionSlug, Field } from 'payload'

import { SPOKESPERSON_ROLES } from '../roles'
import { channelsField, type ChannelName } from './channelsField'
import { dateTimeField, isBefore } from './dateField'
import { departmentField } from './departmentField'
import { distributionField } from './distributionField'
import { imageFields } from './imageFields'
import { slugField } from './slugField'

export const AUDIENCES = ['public', 'internal', 'both'] as const
export type Audience = (typeof AUDIENCES)[number]

export const LANGUAGES = ['nb', 'nn', 'en'] as const

export const SIGNAGE_HEADLINE_MAX = 60

type ItemFieldOptions = {
  collection: CollectionSlug
  defaultChannels: ChannelName[]
  /** Fields of the item type, placed after the body. */
  typeFields?: Field[]
  /** Replaces the shared expiry field (service messages require one). */
  expiresAt?: Field
}

/** The fields every item (news, events, service messages) shares, in the editor's order. */
export function itemFields(options: ItemFieldOptions): Field[] {
  return [
    {
      name: 'title',
      type: 'text',
      required: true,
      maxLength: 140,
      label: { nb: 'Tittel', en: 'Title' },
    },
    {
      name: 'lead',
      type: 'textarea',
      maxLength: 600,
      label: { nb: 'Ingress', en: 'Lead' },
      admin: {
        description: {
          nb: 'Ett til to korte avsnitt i klarspråk: hva har skjedd, og hva betyr det for innbyggerne?',
          en: 'One or two short paragraphs in plain language.',
        },
      },
    },
    { name: 'body', type: 'richText', label: { nb: 'Brødtekst', en: 'Body' } },
    ...imageFields,
    ...(options.typeFields ?? []),
    channelsField(options.defaultChannels),
    {
      name: 'variants',
      type: 'group',
      label: { nb: 'Tilpasset tekst per kanal', en: 'Per-channel variants' },
      admin: {
        description: {
          nb: 'Valgfritt. Tomme felt lages av tittel og ingress.',
          en: 'Optional. Empty fields are derived from the title and lead.',
        },
      },
      fields: [
        {
          name: 'facebookText',
          type: 'textarea',
          maxLength: 5000,
          label: { nb: 'Tekst til Facebook', en: 'Facebook text' },
        },
        {
          name: 'signageHeadline',
          type: 'text',
          maxLength: SIGNAGE_HEADLINE_MAX,
          label: { nb: 'Overskrift på infoskjerm (maks 60 tegn)', en: 'Signage headline (max 60)' },
        },
        {
          name: 'portalSummary',
          type: 'textarea',
          maxLength: 300,
          label: { nb: 'Sammendrag i ansattportalen', en: 'Portal summary' },
        },
      ],
    },
    slugField(options.collection),
    {
      // The item's identity in the delivery ledger. Database ids are not enough: SQLite hands
      // the id of a deleted newest row to the next one, which would inherit the old ledger.
      name: 'uid',
      type: 'text',
      unique: true,
      index: true,
      defaultValue: () => randomUUID(),
      access: { create: () => false, update: () => false },
      admin: { hidden: true, readOnly: true },
    },
    distributionField,
    {
      name: 'audience',
      type: 'select',
      required: true,
      defaultValue: 'public',
      label: { nb: 'Målgruppe', en: 'Audience' },
      options: [
        { value: 'public', label: { nb: 'Offentlig', en: 'Public' } },
        { value: 'internal', label: { nb: 'Intern (bare ansatte)', en: 'Internal (staff only)' } },
        { value: 'both', label: { nb: 'Både offentlig og intern', en: 'Public and internal' } },
      ],
      admin: { position: 'sidebar' },
    },
    departmentField,
    {
      name: 'category',
      type: 'relationship',
      relationTo: 'categories',
      label: { nb: 'Kategori', en: 'Category' },
      admin: { position: 'sidebar' },
    },
    {
      name: 'language',
      type: 'select',
      required: true,
      defaultValue: 'nb',
      label: { nb: 'Språk', en: 'Language' },
      options: [
        { value: 'nb', label: { nb: 'Bokmål', en: 'Norwegian Bokmål' } },
        { value: 'nn', label: { nb: 'Nynorsk', en: 'Norwegian Nynorsk' } },
        { value: 'en', label: { nb: 'Engelsk', en: 'English' } },
      ],
      admin: { position: 'sidebar' },
    },
    {
      name: 'spokesperson',
      type: 'relationship',
      relationTo: 'users',
      label: { nb: 'Talsperson', en: 'Spokesperson' },
      filterOptions: { role: { in: [...SPOKESPERSON_ROLES] } },
      admin: {
        position: 'sidebar',
        description: {
          nb: 'Den som uttaler seg på vegne av kommunen i saken.',
          en: 'Who speaks for the municipality on this item.',
        },
      },
    },
    dateTimeField(
      'publishAt',
      { nb: 'Publiseres', en: 'Publish at' },
      {
        admin: {
          position: 'sidebar',
          description: { nb: 'Tomt: med én gang.', en: 'Empty: at once.' },
        },
      },
    ),
    dateTimeField(
      'embargoUntil',
      { nb: 'Sperrefrist til', en: 'Embargo until' },
      {
        admin: {
          position: 'sidebar',
          description: {
            nb: 'Saken vises ingen steder før sperrefristen er ute.',
            en: 'Shown nowhere before the embargo lifts.',
          },
        },
      },
    ),
    options.expiresAt ??
      dateTimeField(
        'expiresAt',
        { nb: 'Utløper', en: 'Expires at' },
        {
          admin: { position: 'sidebar' },
          validate: expiresAfterPublish,
        },
      ),
  ]
}

export function expiresAfterPublish(
  value: unknown,
  { siblingData }: { siblingData: unknown },
): true | string {
  const publishAt = (siblingData as { publishAt?: unknown }).publishAt
  if (value && publishAt && !isBefore(publishAt, value)) {
    return 'Utløpstidspunktet må være etter publiseringstidspunktet.'
  }
  return true
}
