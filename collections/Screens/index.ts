import type { CollectionConfig } from 'payload'

import { ITEM_COLLECTIONS } from '../Media/access/readMedia'
import { organisationWideOnly, staffOnly } from '../shared/access/staffOnly'
import { dateTimeField } from '../shared/fields/dateField'
import { slugField } from '../shared/fields/slugField'
import { rotateKeyEndpoint } from './endpoints/rotateKey'
import { refreshSignageAfterChange, refreshSignageAfterDelete } from './hooks/refreshSignage'
import { showsCurrentVersion } from './hooks/showsCurrentVersion'
import { WEEKDAYS, validateClock } from './dayparts'

const COMPONENTS = '/collections/Screens/components'

const TYPE_LABELS: Record<(typeof ITEM_COLLECTIONS)[number], { nb: string; en: string }> = {
  news: { nb: 'Nyheter', en: 'News' },
  events: { nb: 'Arrangementer', en: 'Events' },
  'service-messages': { nb: 'Driftsmeldinger', en: 'Service messages' },
}

/** Written by the hub only (the player's heartbeat, the key rotation): never by a form. */
const systemOnly = { create: () => false, update: () => false }

/**
 * Digital signage screens in municipal buildings. Each is one target of the `signage` channel:
 * its rules decide which items reach it, its playlist, player and RSS feed are served under
 * `/signage/<slug>` (see channels/signage/README.md). A staff-room screen (audience `internal`)
 * may show internal items, so everything it serves needs its screen key.
 */
export const Screens: CollectionConfig = {
  slug: 'screens',
  graphQL: { singularName: 'Screen', pluralName: 'Screens' },
  labels: {
    singular: { nb: 'Infoskjerm', en: 'Screen' },
    plural: { nb: 'Infoskjermer', en: 'Screens' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'location', 'audience', 'lastSeenAt', 'shownVersion', 'showsCurrent'],
    group: { nb: 'Kanaler', en: 'Channels' },
  },
  access: {
    read: staffOnly,
    create: organisationWideOnly,
    update: organisationWideOnly,
    delete: organisationWideOnly,
  },
  endpoints: [rotateKeyEndpoint],
  hooks: {
    afterRead: [showsCurrentVersion],
    afterChange: [refreshSignageAfterChange],
    afterDelete: [refreshSignageAfterDelete],
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
    {
      name: 'audience',
      type: 'select',
      required: true,
      defaultValue: 'public',
      label: { nb: 'Hvem ser skjermen', en: 'Who sees the screen' },
      options: [
        {
          value: 'public',
          label: { nb: 'Publikum (bare offentlige saker)', en: 'The public (public items only)' },
        },
        {
          value: 'internal',
          label: {
            nb: 'Bare ansatte (kan vise interne saker, krever skjermnøkkel)',
            en: 'Staff only (may show internal items, needs the screen key)',
          },
        },
      ],
      admin: {
        position: 'sidebar',
        description: {
          nb: 'En skjerm publikum kan se, viser aldri interne saker.',
          en: 'A screen the public can see never shows internal items.',
        },
      },
    },
    {
      name: 'keyPanel',
      type: 'ui',
      label: { nb: 'Skjermadresse', en: 'Screen address' },
      admin: {
        position: 'sidebar',
        components: { Field: `${COMPONENTS}/ScreenKeyPanel#ScreenKeyPanel` },
      },
    },
    {
      type: 'collapsible',
      label: { nb: 'Hva skjermen viser', en: 'What the screen shows' },
      fields: [
        {
          name: 'itemTypes',
          type: 'select',
          hasMany: true,
          label: { nb: 'Innholdstyper', en: 'Item types' },
          defaultValue: [...ITEM_COLLECTIONS],
          options: ITEM_COLLECTIONS.map((value) => ({ value, label: TYPE_LABELS[value] })),
          admin: { description: { nb: 'Tomt betyr alle.', en: 'Empty means all.' } },
        },
        {
          name: 'departments',
          type: 'relationship',
          relationTo: 'departments',
          hasMany: true,
          label: { nb: 'Bare fra avdelingene', en: 'Only from departments' },
          admin: {
            description: {
              nb: 'Tomt betyr alle. En etat tar med virksomhetene sine. Driftsmeldinger vises uansett.',
              en: 'Empty means all. A division includes its units. Service messages always show.',
            },
          },
        },
        {
          name: 'categories',
          type: 'relationship',
          relationTo: 'categories',
          hasMany: true,
          label: { nb: 'Bare i kategoriene', en: 'Only in categories' },
          admin: {
            description: {
              nb: 'Tomt betyr alle. Driftsmeldinger vises uansett.',
              en: 'Empty means all. Service messages always show.',
            },
          },
        },
        {
          name: 'slideSeconds',
          type: 'number',
          required: true,
          defaultValue: 12,
          min: 4,
          max: 120,
          label: { nb: 'Sekunder per bilde', en: 'Seconds per slide' },
        },
        {
          name: 'maxAgeDays',
          type: 'number',
          required: true,
          defaultValue: 14,
          min: 1,
          max: 365,
          label: { nb: 'Nyheter vises i (dager)', en: 'News shown for (days)' },
          admin: {
            description: {
              nb: 'Regnet fra publisering, eller kortere hvis saken utløper før.',
              en: 'From publication, or shorter when the item expires earlier.',
            },
          },
        },
        {
          name: 'dayparts',
          type: 'array',
          label: { nb: 'Visningstider', en: 'Showing times' },
          labels: {
            singular: { nb: 'Visningstid', en: 'Showing time' },
            plural: { nb: 'Visningstider', en: 'Showing times' },
          },
          admin: {
            description: {
              nb: 'Når skjermen viser saker (norsk tid). Tomt betyr hele døgnet. Utenom tidene viser den bare klokka – og driftsmeldinger.',
              en: 'When the screen shows items (Oslo time). Empty means always. Outside them it shows the clock and service messages only.',
            },
          },
          fields: [
            {
              name: 'days',
              type: 'select',
              hasMany: true,
              required: true,
              label: { nb: 'Dager', en: 'Days' },
              options: WEEKDAYS.map((d) => ({ value: d.value, label: d.label })),
            },
            {
              type: 'row',
              fields: [
                {
                  name: 'from',
                  type: 'text',
                  required: true,
                  label: { nb: 'Fra (tt:mm)', en: 'From (hh:mm)' },
                  validate: validateClock,
                },
                {
                  name: 'to',
                  type: 'text',
                  required: true,
                  label: { nb: 'Til (tt:mm)', en: 'To (hh:mm)' },
                  validate: validateClock,
                },
              ],
            },
          ],
        },
      ],
    },
    {
      name: 'keyHash',
      type: 'text',
      access: { read: () => false, ...systemOnly },
      admin: { hidden: true },
    },
    dateTimeField(
      'keyIssuedAt',
      { nb: 'Skjermnøkkel laget', en: 'Screen key issued' },
      { timezone: false, access: systemOnly, admin: { hidden: true } },
    ),
    dateTimeField(
      'lastSeenAt',
      { nb: 'Sist sett', en: 'Last seen' },
      {
        timezone: false,
        access: systemOnly,
        admin: {
          readOnly: true,
          position: 'sidebar',
          description: { nb: 'Siste livstegn fra spilleren.', en: "The player's last heartbeat." },
        },
      },
    ),
    {
      name: 'shownVersion',
      type: 'text',
      access: systemOnly,
      label: { nb: 'Viser versjon', en: 'Version shown' },
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'showsCurrent',
      type: 'checkbox',
      virtual: true,
      access: systemOnly,
      label: { nb: 'Viser gjeldende', en: 'Shows current' },
      admin: {
        readOnly: true,
        position: 'sidebar',
        description: {
          nb: 'Om spilleren viser den nyeste spillelisten.',
          en: 'Whether the player shows the newest playlist.',
        },
      },
    },
  ],
}
