import type { Payload } from 'payload'

import { inTransaction } from '../../src/public/inTransaction'

/**
 * Removes stored snapshots at `paths` (a renamed or removed screen's old address). Web processes
 * that already serve them keep them until they restart; a staff-room screen's stay behind its
 * key, which no longer opens anything once the screen is gone.
 */
export async function retireSnapshots(payload: Payload, paths: readonly string[]): Promise<void> {
  await inTransaction(payload, async (req) => {
    await payload.db.deleteMany({
      collection: 'route-snapshots',
      where: { path: { in: [...paths] } },
      req,
    })
  })
}
