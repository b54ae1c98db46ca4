import type { CollectionConfig } from 'payload'

const nobody = () => false

/**
 * Channel health checks, as the processes that ran them recorded them (src/health/): one row per
 * channel per period in which it kept working or kept failing, updated by every check in that
 * period. A new period starts when a channel starts or stops failing; its `periodKey` is unique,
 * so when several processes see the same change only one starts the period, and only that one
 * alerts the editors. Hidden and closed to the API: `GET /api/channel-health` serves it.
 */
export const ChannelChecks: CollectionConfig = {
  slug: 'channel-checks',
  labels: {
    singular: { nb: 'Helsesjekk', en: 'Health check' },
    plural: { nb: 'Helsesjekker', en: 'Health checks' },
  },
  admin: { hidden: true },
  graphQL: false,
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'channel', type: 'text', required: true, index: true },
    {
      name: 'status',
      type: 'select',
      required: true,
      options: ['ok', 'degraded', 'down'],
    },
    /** The adapter's own words, in bokmål. */
    { name: 'detail', type: 'text' },
    /** When the latest check of this period ran. */
    { name: 'checkedAt', type: 'date', required: true },
    /** When the period began: the first check that found the channel working, or failing. */
    { name: 'since', type: 'date', required: true },
    /** `<channel>#<id of the period it ends>`: one new period per change, however many saw it. */
    { name: 'periodKey', type: 'text', required: true, unique: true },
  ],
}
