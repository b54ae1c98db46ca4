import { getPayload, type Payload } from 'payload'

import config from '../../payload.config'
import { migrateDatabase } from '../db/migrateDatabase'
import { withStartupLock } from '../db/startupLock'

export type BootResult = { payload: Payload; migrated: string[] }

/**
 * Initialises Payload and brings the database schema up to date under the start-up lock.
 * `afterMigrate` runs under the same lock (seeding), so concurrent starts never race.
 */
export async function bootPayload(
  afterMigrate?: (payload: Payload) => Promise<void>,
): Promise<BootResult> {
  const payload = await getPayload({ config })
  const migrated = await withStartupLock(payload, async () => {
    const applied = await migrateDatabase(payload)
    if (afterMigrate) await afterMigrate(payload)
    return applied
  })
  return { payload, migrated }
}
