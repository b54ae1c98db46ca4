import fs from 'node:fs'
import path from 'node:path'
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import type { DatabaseAdapterObj } from 'payload'

import { databaseKind, databaseUrl, projectRoot } from '../config/env'
import { serialisedSqliteAdapter } from './serialisedSqliteAdapter'

export function migrationDir(kind: 'sqlite' | 'postgres'): string {
  return path.resolve(projectRoot(), 'src/migrations', kind)
}

/** The database adapter for DATABASE_URL. Schema changes only ever arrive through migrations. */
export function databaseAdapter(): DatabaseAdapterObj {
  const url = databaseUrl()
  switch (databaseKind(url)) {
    case 'sqlite':
      fs.mkdirSync(path.dirname(url.replace(/^file:/, '')), { recursive: true })
      return serialisedSqliteAdapter({
        client: { url },
        push: false,
        migrationDir: migrationDir('sqlite'),
        wal: true,
        busyTimeout: 10_000,
        // Without this option Payload's SQLite adapter runs every operation outside a transaction.
        transactionOptions: {},
      })
    case 'postgres':
      return postgresAdapter({
        pool: { connectionString: url, max: Number(process.env.DATABASE_POOL_MAX ?? '10') },
        push: false,
        migrationDir: migrationDir('postgres'),
      })
    case 'mongodb':
      return mongooseAdapter({ url })
  }
}
