import type { CollectionConfig } from 'payload'

import { staffOnly } from './access/staffOnly'
import { readItems } from './access/readItems'
import { createItems, deleteItems, updateItems } from './access/writeItems'
import { syncDeliveriesAfterChange, syncDeliveriesAfterDelete } from './hooks/syncDeliveries'

/** Access, versions and admin defaults every item collection shares. */
export const itemCollectionDefaults = {
  access: {
    read: readItems,
    readVersions: staffOnly,
    create: createItems,
    update: updateItems,
    delete: deleteItems,
  },
  versions: {
    drafts: { autosave: false, validate: false },
    maxPerDoc: 50,
  },
  defaultSort: '-publishAt',
  hooks: {
    afterChange: [syncDeliveriesAfterChange],
    afterDelete: [syncDeliveriesAfterDelete],
  },
} satisfies Partial<CollectionConfig>
