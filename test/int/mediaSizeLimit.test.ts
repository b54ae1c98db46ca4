import fs from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'

import type { Caller, createApi } from '../helpers/api'
import { communicationsDesk } from '../helpers/communicationsDesk'
import { formData, largeJpeg } from '../helpers/mediaFixtures'
import { startTestHub, type TestHub } from '../helpers/testHub'

type ErrorBody = { errors?: { data?: { errors?: { message: string; path: string }[] } }[] }

let hub: TestHub
let api: ReturnType<typeof createApi>
let comms: Caller
const previousLimit = process.env.UPLOAD_LIMIT_MB

beforeAll(async () => {
  // Read when the Payload config is built, so it is set before the hub starts.
  process.env.UPLOAD_LIMIT_MB = '1'
  hub = await startTestHub()
  ;({ api, comms } = await communicationsDesk(hub.payload, 'Kommunikasjon'))
})

afterAll(async () => {
  if (previousLimit === undefined) delete process.env.UPLOAD_LIMIT_MB
  else process.env.UPLOAD_LIMIT_MB = previousLimit
  await hub?.cleanup()
})

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name))
}

it('should refuse a file over UPLOAD_LIMIT_MB with a 400 naming the limit and leave nothing behind', async () => {
  const fixture = await largeJpeg(2)
  expect(fixture.data.length).toBeGreaterThan(1024 * 1024)
  const mediaDir = path.join(hub.dataDir, 'media')
  const filesBefore = await filesUnder(mediaDir)
  const res = await api.rest<ErrorBody>(
    'POST',
    '/media',
    comms,
    formData(fixture, { alt: 'Stort' }),
  )
  expect(res.status).toBe(400)
  const field = res.body.errors?.[0]?.data?.errors?.[0]
  expect(field?.path).toBe('file')
  expect(field?.message).toMatch(/Filen er for stor\. Grensen er 1 MB/)
  expect(await filesUnder(mediaDir)).toEqual(filesBefore)
  expect((await hub.payload.count({ collection: 'media' })).totalDocs).toBe(0)
})
