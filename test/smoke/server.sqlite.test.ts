import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type HubProcess, startHubProcess } from '../helpers/hubProcess'

type Doc = { slug: string; audience: string; _status: string; publishAt?: string | null }

let dir: string
let hub: HubProcess

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hub-smoke-'))
  hub = await startHubProcess({
    HUB_DATA_DIR: dir,
    DATABASE_URL: `file:${path.join(dir, 'hub.db')}`,
    HUB_DEMO_PASSWORD: 'Smoke-test-passord-1',
  })
})

afterAll(async () => {
  await hub?.stop()
  await fs.rm(dir, { recursive: true, force: true })
})

describe('the real server on embedded SQLite', () => {
  it('should answer /healthz and /readyz', async () => {
    expect((await fetch(`${hub.url}/healthz`)).status).toBe(200)
    const ready = await fetch(`${hub.url}/readyz`)
    expect(ready.status).toBe(200)
    expect(await ready.json()).toMatchObject({ ready: true, database: 'ok', pending: [] })
  })

  it('should serve demo news to anonymous callers without internal, scheduled or draft items', async () => {
    const res = await fetch(`${hub.url}/api/news?limit=100&depth=0`)
    expect(res.status).toBe(200)
    const { docs } = (await res.json()) as { docs: Doc[] }
    expect(docs.length).toBeGreaterThanOrEqual(5)
    const now = Date.now()
    for (const doc of docs) {
      expect(doc.audience).not.toBe('internal')
      expect(doc._status).toBe('published')
      if (doc.publishAt) expect(new Date(doc.publishAt).getTime()).toBeLessThanOrEqual(now)
    }
  })

  it('should answer GraphQL with the same items as REST', async () => {
    const rest = (await (await fetch(`${hub.url}/api/news?limit=100&depth=0`)).json()) as {
      docs: Doc[]
    }
    const res = await fetch(`${hub.url}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: '{ News(limit: 100) { docs { slug audience } } }' }),
    })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { data: { News: { docs: Doc[] } } }
    expect(body.data.News.docs.map((d) => d.slug).sort()).toEqual(
      rest.docs.map((d) => d.slug).sort(),
    )
  })

  it('should serve the admin login page in Norwegian bokmål, even to an English browser', async () => {
    const res = await fetch(`${hub.url}/admin`, {
      headers: { 'Accept-Language': 'en-US,en;q=0.9' },
    })
    expect(res.status).toBe(200)
    expect(res.url).toMatch(/\/admin(\/login)?/)
    expect(await res.text()).toMatch(/<html[^>]*lang="nb"/)
  })

  it('should log in the demo admin with HUB_DEMO_PASSWORD', async () => {
    const res = await fetch(`${hub.url}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.com', password: 'Smoke-test-passord-1' }),
    })
    expect(res.status).toBe(200)
    expect(((await res.json()) as { token?: string }).token).toBeTruthy()
  })

  it('should stop on SIGTERM with exit code 0', async () => {
    expect(await hub.stop()).toBe(0)
  })
})
