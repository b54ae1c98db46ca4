import type { Payload } from 'payload'

import type { ChannelConfig } from '../../channels/contract'
import { facebookAdapter } from '../../channels/facebook'
import { createRegistry } from '../../channels/registry'
import { slackAdapter } from '../../channels/slack'
import { disableEndpoint, loadEndpointsFromPayload, websiteAdapter } from '../../channels/website'
import type { GraphApi } from '../fakes/graph-api'
import type { SlackApi } from '../fakes/slack-api'
import { CHAOS } from './settings'

/** Items created at once through the test's Payload (each in its own transaction). */
const CREATE_CONCURRENCY = 4

/** The FACEBOOK_* and SLACK_* settings that point the real adapters at the fakes. */
export function fakeChannelConfig(graph: GraphApi, slack: SlackApi): ChannelConfig {
  const { SLACK_BOT_TOKEN, SLACK_CHANNEL, SLACK_API_URL } = slack.config()
  return {
    FACEBOOK_PAGE_ID: graph.pageId,
    FACEBOOK_PAGE_TOKEN: graph.token,
    FACEBOOK_GRAPH_URL: graph.url,
    SLACK_BOT_TOKEN,
    SLACK_CHANNEL,
    SLACK_API_URL,
  }
}

/**
 * The channels the test process's hooks need to enqueue: the website webhooks, and the real
 * Facebook and Slack adapters pointed at the fakes (the hooks only ask them for their targets
 * and whether they accept an item; the workers do the sending).
 */
export function chaosRegistry(payload: Payload, config: ChannelConfig) {
  const adapter = websiteAdapter({
    loadEndpoints: loadEndpointsFromPayload(payload),
    disableEndpoint: (id, reason) => disableEndpoint(payload, id, reason),
  })
  return createRegistry([adapter, facebookAdapter({ config }), slackAdapter({ config })], config)
}

/** What a worker process runs with: the test's database, the fakes and the compressed timings. */
export function workerEnv(
  databaseUrl: string,
  dataDir: string,
  channels: ChannelConfig,
): NodeJS.ProcessEnv {
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
  for (const [key, value] of Object.entries(channels)) env[key] = String(value)
  for (const key of ['PORT', 'MEDIA_DIR', 'BRAND_ASSETS_DIR', 'SLACK_ALERT_CHANNEL'])
    delete env[key]
  return env
}

/** Publishes the items for every chaos channel, a few at a time; returns their ids in order. */
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
          channels: [...CHAOS.channels],
          _status: 'published',
        } as never,
      })
      ids[n - 1] = String(doc.id)
    }
  }
  await Promise.all(Array.from({ length: CREATE_CONCURRENCY }, createOne))
  return ids
}
