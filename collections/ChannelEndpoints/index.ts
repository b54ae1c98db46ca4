import type {
  CollectionConfig,
  SelectFieldManyValidation,
  TextFieldSingleValidation,
} from 'payload'
import { select } from 'payload/shared'

import { allowPrivateAddresses, endpointUrlProblem } from '../../channels/website/endpointUrl'
import {
  ENDPOINT_AUDIENCES,
  ENDPOINT_CHANNELS,
  type EndpointAudience,
  type EndpointChannel,
  WEBHOOK_EVENTS,
  type WebhookEvent,
} from '../../channels/website/types'
import { webhookSecretProblem } from '../../channels/website/webhookSecret'
import { organisationWideOnly } from '../shared/access/staffOnly'
import { dateTimeField } from '../shared/fields/dateField'
import { nobody, onlyWhileCreating } from './access/fieldAccess'
import { rotateSecretEndpoint } from './endpoints/rotateSecret'
import { revealNewSecret } from './hooks/revealNewSecret'
import { sealNewSecret } from './hooks/sealNewSecret'
import { trackEnabled } from './hooks/trackEnabled'

const EVENT_LABELS: Record<WebhookEvent, { nb: string; en: string }> = {
  'item.published': { nb: 'Publisert (item.published)', en: 'Published (item.published)' },
  'item.updated': { nb: 'Oppdatert (item.updated)', en: 'Updated (item.updated)' },
  'item.retracted': { nb: 'Trukket tilbake (item.retracted)', en: 'Retracted (item.retracted)' },
}

const AUDIENCE_LABELS: Record<EndpointAudience, { nb: string; en: string }> = {
  public: { nb: 'Offentlige saker', en: 'Public items' },
  internal: { nb: 'Interne saker (bare ansatte)', en: 'Internal items (staff only)' },
}

const CHANNEL_LABELS: Record<EndpointChannel, { nb: string; en: string }> = {
  website: { nb: 'Nettside eller app', en: 'Website or app' },
  portal: { nb: 'Ansattportalen', en: 'Employee portal' },
}

// The portal is where staff read internal news: one that cannot take internal items is a
// website endpoint by another name, and would quietly miss what it exists for.
const validateAudiences: SelectFieldManyValidation = (value, options) => {
  const usual = select(value, options)
  if (usual !== true) return usual
  const chosen = value ?? []
  const channel = (options.siblingData as { channel?: unknown }).channel
  if (channel === 'portal' && !chosen.includes('internal')) {
    return 'En mottaker i ansattportalen må ta imot interne saker.'
  }
  return true
}

// Read at every save, so the override can be switched without a restart.
const validateUrl: TextFieldSingleValidation = (value) =>
  endpointUrlProblem(value, { allowPrivate: allowPrivateAddresses() }) ?? true

// Empty is fine: the hub then generates the secret.
const validateSecret: TextFieldSingleValidation = (value) =>
  value === undefined || value === null || value === ''
    ? true
    : (webhookSecretProblem(value) ?? true)

/**
 * Webhook subscriptions (Standard Webhooks): websites and apps (`channel: website`) and employee
 * portals (`channel: portal`), each one target of its channel. Secrets are stored encrypted with the server secret (channels/website/secretBox),
 * never returned by reads, and shown once: in the create response and in the answer of
 * `POST /api/channel-endpoints/:id/rotate-secret`.
 */
export const ChannelEndpoints: CollectionConfig = {
  slug: 'channel-endpoints',
  graphQL: { singularName: 'ChannelEndpoint', pluralName: 'ChannelEndpoints' },
  labels: {
    singular: { nb: 'Webhook-mottaker', en: 'Webhook endpoint' },
    plural: { nb: 'Mottakere (webhooks)', en: 'Webhook endpoints' },
  },
  // A copy would get a fresh secret that nobody is ever shown, so there is nothing to duplicate.
  disableDuplicate: true,
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'channel', 'url', 'events', 'audiences', 'enabled'],
    group: { nb: 'Kanaler', en: 'Channels' },
    description: {
      nb: 'Nettsider, apper og ansattportaler som får beskjed (signert webhook) når saker publiseres, endres eller trekkes tilbake.',
      en: 'Websites, apps and employee portals notified (signed webhook) when items are published, updated or retracted.',
    },
  },
  access: {
    read: organisationWideOnly,
    create: organisationWideOnly,
    update: organisationWideOnly,
    delete: organisationWideOnly,
  },
  endpoints: [rotateSecretEndpoint],
  hooks: {
    beforeChange: [sealNewSecret, trackEnabled],
    afterChange: [revealNewSecret],
  },
  fields: [
    { name: 'name', type: 'text', required: true, label: { nb: 'Navn', en: 'Name' } },
    {
      name: 'url',
      type: 'text',
      required: true,
      label: { nb: 'Adresse (URL)', en: 'URL' },
      validate: validateUrl,
      admin: {
        description: {
          nb: 'Hvor huben sender webhooks, helst https://. Interne og lokale adresser er ikke tillatt.',
          en: 'Where the hub posts webhooks. Private and loopback addresses are refused.',
        },
      },
    },
    {
      // Not `required`: Payload would then make it mandatory in GraphQL's create input, and API
      // clients that create website endpoints without naming a channel would break. The hook
      // keeps it from ever being empty.
      name: 'channel',
      type: 'select',
      defaultValue: 'website',
      hooks: { beforeChange: [({ value }: { value?: unknown }) => value ?? 'website'] },
      label: { nb: 'Kanal', en: 'Channel' },
      options: ENDPOINT_CHANNELS.map((value) => ({ value, label: CHANNEL_LABELS[value] })),
      admin: {
        description: {
          nb: 'Ansattportalen får hele saken (brødtekst, bilder, avdeling) for de sakene som har valgt kanalen Ansattportalen, og må ta imot interne saker.',
          en: 'The employee portal gets the whole item for items that chose the portal channel, and must take internal items.',
        },
      },
    },
    {
      name: 'events',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: [...WEBHOOK_EVENTS],
      label: { nb: 'Hendelser', en: 'Events' },
      options: WEBHOOK_EVENTS.map((value) => ({ value, label: EVENT_LABELS[value] })),
    },
    {
      name: 'audiences',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['public'],
      label: { nb: 'Målgrupper', en: 'Audiences' },
      options: ENDPOINT_AUDIENCES.map((value) => ({ value, label: AUDIENCE_LABELS[value] })),
      validate: validateAudiences,
      admin: {
        description: {
          nb: 'Velg interne saker bare for mottakere som er lukket for andre enn ansatte.',
          en: 'Choose internal items only for receivers closed to everyone but staff.',
        },
      },
    },
    {
      name: 'enabled',
      type: 'checkbox',
      defaultValue: true,
      label: { nb: 'Aktiv', en: 'Enabled' },
    },
    {
      name: 'disabledReason',
      type: 'text',
      label: { nb: 'Hvorfor slått av', en: 'Why disabled' },
      admin: { condition: (data) => (data as { enabled?: boolean }).enabled === false },
    },
    dateTimeField(
      'disabledAt',
      { nb: 'Slått av', en: 'Disabled at' },
      {
        timezone: false,
        access: { create: nobody, update: nobody },
        admin: {
          readOnly: true,
          condition: (data) => (data as { enabled?: boolean }).enabled === false,
        },
      },
    ),
    {
      name: 'secret',
      type: 'text',
      virtual: true,
      label: { nb: 'Hemmelighet', en: 'Secret' },
      validate: validateSecret,
      access: { read: onlyWhileCreating, update: nobody },
      admin: {
        // Payload makes virtual fields read-only in the admin unless told otherwise; this one is
        // the create form's input for a receiver's own secret.
        readOnly: false,
        description: {
          nb: 'Lim inn en hemmelighet (whsec_…) fra mottakeren, eller la feltet stå tomt så lager huben en. Den vises bare én gang.',
          en: 'Paste a secret (whsec_…) from the receiver, or leave empty to have one generated. Shown once.',
        },
      },
    },
    {
      name: 'secretPanel',
      type: 'ui',
      label: { nb: 'Hemmelighet', en: 'Secret' },
      admin: {
        components: {
          Field: '/collections/ChannelEndpoints/components/SecretPanel#SecretPanel',
        },
      },
    },
    {
      name: 'secretCiphertext',
      type: 'text',
      hidden: true,
      access: { read: nobody, create: nobody, update: nobody },
    },
    {
      name: 'previousSecretCiphertext',
      type: 'text',
      hidden: true,
      access: { read: nobody, create: nobody, update: nobody },
    },
    dateTimeField(
      'previousSecretExpiresAt',
      { nb: 'Forrige hemmelighet gyldig til', en: 'Previous secret valid until' },
      {
        timezone: false,
        access: { create: nobody, update: nobody },
        // The secret panel shows it, kept current after a rotation; a form field would go stale.
        admin: { disabled: true },
      },
    ),
  ],
}
