import { randomBytes } from 'node:crypto'
import pg from 'pg'

/** The server the PostgreSQL suite creates its throwaway databases on. */
export function testPostgresUrl(): string {
  return process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
}

export async function postgresReachable(url = testPostgresUrl()): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    await client.query('SELECT 1')
    return null
  } catch (err) {
    return err instanceof Error ? err.message : String(err)
  } finally {
    await client.end().catch(() => undefined)
  }
}

/** Creates an empty database and returns its URL and a function that drops it. */
export async function createTestDatabase(
  prefix = 'hub_test',
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: testPostgresUrl() })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE "${name}"`)
  } finally {
    await admin.end()
  }
  const url = new URL(testPostgresUrl())
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: () => dropDatabase(name),
  }
}

/**
 * Drops a test database once its connections are gone. FORCE only as a last resort: it kills
 * connections, and a pg client of ours that is still closing would report that as an
 * uncaught error in the test run.
 */
async function dropDatabase(name: string): Promise<void> {
  const client = new pg.Client({ connectionString: testPostgresUrl() })
  await client.connect()
  try {
    for (let attempt = 0; attempt < 50; attempt++) {
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}"`)
        return
      } catch (err) {
        if ((err as { code?: string }).code !== '55006') throw err
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    }
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  } finally {
    await client.end()
  }
}
