import type { Payload } from 'payload'

import { createRegistry } from '../../channels/registry'
import { disableEndpoint, loadEndpointsFromPayload, websiteAdapter } from '../../channels/website'
import { CHAOS } from './settings'

/** Items created at once through the test's Payload (each in its own transaction). */
const CREATE_CONCURRENCY = 4

/** The website channel alone, as the test process's hooks need it to enqueue. */
export function websiteRegistry(payload: Payload) {
  const adapter = websiteAdapter({
    loadEndpoints: loadEndpointsFromPayload(payload),
    disableEndpoint: (id, reason) => disableEndpoint(payload, id, reason),
  })
  return createRegistry([adapter], {})
}

/** What a worker process runs with: the test's database and the compressed timings. */
export function workerEnv(databaseUrl: string, dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    LOG_LEVEL: 'info',
    DATABASE_URL: databaseUrl,
    HUB_DATA_DIR: dataDir,
    HUB_RETRY_SCALE: String(CHAOS.retryScale),
    HUB_LEASE_MS: String(CHAOS.leaseMs),
    WEBHOOK_TIMEOUT_MS: String(CHAOS.webhookTimeoutMs),
  }
  for (const key of ['PORT', 'MEDIA_DIR', 'BRAND_ASSETS_DIR']) delete env[key]
  return env
}

/** Publishes the items for the website channel, a few at a time; returns their ids. */
export async function createItems(payload: Payload, department: number): Promise<string[]> {
  const ids: string[] = []
  let next = 0
  const createOne = async (): Promise<void> => {
    while (next < CHAOS.items) {
      const n = ++next
      const doc = await payload.create({
        collection: 'news',
        data: {
          title: `Melding ${n}`,
          slug: `melding-${n}`,
          department,
          channels: ['website'],
          _status: 'published',
        } as never,
      })
      ids.push(String(doc.id))
    }
  }
  await Promise.all(Array.from({ length: CREATE_CONCURRENCY }, createOne))
  return ids
}
