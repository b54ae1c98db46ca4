import http from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { closeDatabase } from '../../src/db/closeDatabase'
import { prepareTestDatabase } from '../helpers/testHub'

let payload: Payload
let drop = (): Promise<void> => Promise.resolve()
let server: http.Server
let url: string
let draining = false

/** Boots Payload on an empty database WITHOUT migrating it, to watch readiness change. */
beforeAll(async () => {
  ;({ drop } = await prepareTestDatabase())
  const [{ getPayload }, { default: config }, { healthRoutes }] = [
    await import('payload'),
    await import('../../payload.config'),
    await import('../../src/routes/healthRoutes'),
  ]
  payload = await getPayload({ config })
  const app = express()
  app.use(healthRoutes(payload, () => draining))
  server = http.createServer(app)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()))
  await closeDatabase(payload).catch(() => undefined)
  await drop()
})

async function readyz(): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${url}/readyz`)
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

describe('readiness', () => {
  it('should answer /healthz with 200 whatever the database', async () => {
    expect((await fetch(`${url}/healthz`)).status).toBe(200)
  })

  it('should answer /readyz with 503 and the pending migrations on an unmigrated database', async () => {
    const { status, body } = await readyz()
    expect(status).toBe(503)
    expect(body).toMatchObject({ ready: false, database: 'ok' })
    expect((body.pending as string[]).length).toBeGreaterThan(0)
  })

  it('should answer /readyz with 200 once the migrate step has run', async () => {
    const { migrateDatabase } = await import('../../src/db/migrateDatabase')
    const applied = await migrateDatabase(payload)
    expect(applied.length).toBeGreaterThan(0)
    expect(await migrateDatabase(payload)).toEqual([])
    expect(await readyz()).toEqual({
      status: 200,
      body: { ready: true, database: 'ok', pending: [] },
    })
  })

  it('should refuse, not prompt, when the database was changed by dev-mode schema push', async () => {
    const { migrateDatabase } = await import('../../src/db/migrateDatabase')
    const row = await payload.create({
      collection: 'payload-migrations',
      data: { name: 'dev', batch: -1 },
    })
    await expect(migrateDatabase(payload)).rejects.toThrow(/dev mode/)
    await payload.delete({ collection: 'payload-migrations', id: row.id })
  })

  it('should answer /readyz with 503 while shutting down', async () => {
    draining = true
    expect((await readyz()).status).toBe(503)
    draining = false
  })

  it('should answer /readyz with 503 when the database is gone', async () => {
    await closeDatabase(payload)
    expect(await readyz()).toMatchObject({
      status: 503,
      body: { ready: false, database: 'unreachable' },
    })
  })
})
