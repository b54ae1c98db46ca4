import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'

import { closeDatabase } from '../../src/db/closeDatabase'
import { createTestDatabase } from './postgres'

export type TestDatabase = 'sqlite' | 'postgres'

export type TestHub = {
  payload: Payload
  db: TestDatabase
  dataDir: string
  cleanup: () => Promise<void>
}

export function testDatabase(): TestDatabase {
  const db = process.env.HUB_TEST_DB ?? 'sqlite'
  if (db !== 'sqlite' && db !== 'postgres')
    throw new Error(`HUB_TEST_DB must be sqlite or postgres`)
  return db
}

/**
 * Points the environment at a fresh, empty database of the suite's kind (a new SQLite file, or a
 * new PostgreSQL database) and a fresh data directory. Call before the Payload config is first
 * imported: it reads the environment when it loads.
 */
export async function prepareTestDatabase(): Promise<{
  dataDir: string
  drop: () => Promise<void>
}> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hub-test-'))
  let drop = (): Promise<void> => Promise.resolve()
  if (testDatabase() === 'postgres') {
    const created = await createTestDatabase()
    process.env.DATABASE_URL = created.url
    drop = created.drop
  } else {
    process.env.DATABASE_URL = `file:${path.join(dataDir, 'hub.db')}`
  }
  process.env.HUB_DATA_DIR = dataDir
  process.env.PAYLOAD_SECRET = 'test-secret-not-for-production'
  process.env.NEXT_TELEMETRY_DISABLED = '1'
  return {
    dataDir,
    drop: async () => {
      await drop()
      await fs.rm(dataDir, { recursive: true, force: true })
    },
  }
}

/**
 * Boots Payload on a fresh database, migrated with the shipped migrations exactly as a
 * production start does. One per test file.
 */
export async function startTestHub(): Promise<TestHub> {
  const { dataDir, drop } = await prepareTestDatabase()
  const { bootPayload } = await import('../../src/boot/bootPayload')
  const { payload } = await bootPayload()
  return {
    payload,
    db: testDatabase(),
    dataDir,
    cleanup: async () => {
      await closeDatabase(payload)
      await drop()
    },
  }
}
