import type { UIField } from 'payload'

/**
 * The editor's distribution panel: the item's deliveries, newest per channel × target, with retry
 * and cancel. Presentational only; it stores nothing.
 */
export const distributionField: UIField = {
  name: 'distribution',
  type: 'ui',
  label: { nb: 'Distribusjon', en: 'Distribution' },
  admin: {
    components: {
      Field: '/collections/Deliveries/components/DistributionPanel#DistributionPanel',
    },
  },
}
