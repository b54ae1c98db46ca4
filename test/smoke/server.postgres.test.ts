import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bundledMigrations } from '../../src/db/bundledMigrations'
import { type HubProcess, startHubProcess } from '../helpers/hubProcess'
import { createTestDatabase } from '../helpers/postgres'

let database: Awaited<ReturnType<typeof createTestDatabase>>
let dir: string
const running: HubProcess[] = []

async function query<T>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: database.url })
  await client.connect()
  try {
    return (await client.query(sql)).rows as T[]
  } finally {
    await client.end()
  }
}

async function start(): Promise<HubProcess> {
  const hub = await startHubProcess({
    DATABASE_URL: database.url,
    PAYLOAD_SECRET: 'smoke-postgres-secret',
    HUB_DATA_DIR: dir,
    HUB_DEMO: 'true',
    HUB_DEMO_PASSWORD: 'Smoke-test-passord-1',
  })
  running.push(hub)
  return hub
}

beforeAll(async () => {
  database = await createTestDatabase('hub_smoke')
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hub-smoke-pg-'))
})

afterAll(async () => {
  await Promise.all(running.map((hub) => hub.stop()))
  await database?.drop()
  await fs.rm(dir, { recursive: true, force: true })
})

describe('starting on an empty PostgreSQL database', () => {
  let counts: { news: number; users: number }

  it('should come up with two processes started at once, migrating and seeding once', async () => {
    const [a, b] = await Promise.all([start(), start()])
    for (const hub of [a, b]) {
      expect((await fetch(`${hub.url}/readyz`)).status).toBe(200)
    }
    const migrations = await query<{ name: string; batch: number }>(
      'SELECT name, batch FROM payload_migrations',
    )
    expect(migrations.map((m) => m.name).sort()).toEqual(
      bundledMigrations('postgres')
        .map((m) => m.name)
        .sort(),
    )
    const [news] = await query<{ n: string }>('SELECT count(*) AS n FROM news')
    const [users] = await query<{ n: string }>('SELECT count(*) AS n FROM users')
    const dupes = await query('SELECT slug FROM news GROUP BY slug HAVING count(*) > 1')
    expect(dupes).toEqual([])
    counts = { news: Number(news!.n), users: Number(users!.n) }
    expect(counts.news).toBeGreaterThanOrEqual(10)
    expect(await a.stop()).toBe(0)
    expect(await b.stop()).toBe(0)
  })

  it('should start again on the same database without migrating or seeding anything', async () => {
    const hub = await start()
    expect((await fetch(`${hub.url}/readyz`)).status).toBe(200)
    expect(hub.output()).not.toMatch(/Migrating:/)
    const [news] = await query<{ n: string }>('SELECT count(*) AS n FROM news')
    const [users] = await query<{ n: string }>('SELECT count(*) AS n FROM users')
    expect({ news: Number(news!.n), users: Number(users!.n) }).toEqual(counts)
    const res = await fetch(`${hub.url}/api/news?limit=100&depth=0`)
    const body = (await res.json()) as { docs: { audience: string }[] }
    expect(body.docs.length).toBeGreaterThan(0)
    expect(body.docs.every((d) => d.audience !== 'internal')).toBe(true)
    expect(await hub.stop()).toBe(0)
  })
})
