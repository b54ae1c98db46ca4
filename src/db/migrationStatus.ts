import type { Payload } from 'payload'

import { databaseKind } from '../config/env'
import { bundledMigrations } from './bundledMigrations'

export type MigrationStatus = { applied: string[]; pending: string[]; devPushed: boolean }

/** Which shipped migrations the database has; throws when the database cannot be reached. */
export async function migrationStatus(payload: Payload): Promise<MigrationStatus> {
  const names = bundledMigrations(databaseKind()).map((m) => m.name)
  let rows: { name?: string | null; batch?: number | null }[] = []
  try {
    const result = await payload.find({
      collection: 'payload-migrations',
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    rows = result.docs
  } catch (err) {
    if (!isMissingTable(err)) throw err
  }
  const applied = new Set(rows.map((row) => row.name))
  return {
    applied: names.filter((name) => applied.has(name)),
    pending: names.filter((name) => !applied.has(name)),
    devPushed: rows.some((row) => row.batch === -1),
  }
}

function isMissingTable(err: unknown): boolean {
  const { message, cause } = (err ?? {}) as { message?: unknown; cause?: { message?: unknown } }
  const text = `${typeof message === 'string' ? message : ''} ${typeof cause?.message === 'string' ? cause.message : ''}`
  return /no such table|does not exist/i.test(text)
}
