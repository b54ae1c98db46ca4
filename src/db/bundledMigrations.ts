import type { Migration } from 'payload'

import type { DatabaseKind } from '../config/env'
import { migrations as postgresMigrations } from '../migrations/postgres'
import { migrations as sqliteMigrations } from '../migrations/sqlite'

/** The migrations shipped for each SQL adapter; MongoDB needs none. */
export function bundledMigrations(kind: DatabaseKind): Migration[] {
  switch (kind) {
    case 'sqlite':
      return sqliteMigrations as Migration[]
    case 'postgres':
      return postgresMigrations as Migration[]
    case 'mongodb':
      return []
  }
}
