import type { Payload } from 'payload'

import { databaseKind } from '../config/env'
import { bundledMigrations } from './bundledMigrations'
import { migrationStatus } from './migrationStatus'

/**
 * Applies the shipped migrations that the database lacks. Never prompts: a database that
 * Payload's dev mode pushed schema into is refused with an explanation instead of the
 * interactive question Payload would ask (which hangs a server started without a terminal).
 * Call it under `withStartupLock`.
 */
export async function migrateDatabase(payload: Payload): Promise<string[]> {
  const migrations = bundledMigrations(databaseKind())
  if (migrations.length === 0) return []
  const before = await migrationStatus(payload)
  if (before.devPushed) {
    throw new Error(
      'This database has schema pushed by Payload dev mode (a payload_migrations row with batch -1). ' +
        'The hub only changes schema through migrations: use a fresh database, or run ' +
        '`npx payload migrate:fresh` on a database you can afford to empty.',
    )
  }
  if (before.pending.length === 0) return []
  await payload.db.migrate({ migrations })
  const after = await migrationStatus(payload)
  if (after.pending.length > 0) {
    throw new Error(`Migrations still pending after migrate: ${after.pending.join(', ')}`)
  }
  return before.pending
}
