import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'

import type { ChannelAdapter } from '../../channels/contract'
import { facebookAdapter } from '../../channels/facebook'
import { portalAdapter } from '../../channels/portal'
import { feedsAdapter } from '../../channels/feeds'
import { createRegistry, type ChannelRegistry } from '../../channels/registry'
import { sandboxAdapter } from '../../channels/sandbox/sandboxAdapter'
import { signageAdapter } from '../../channels/signage'
import { slackAdapter } from '../../channels/slack'
import { disableEndpoint, loadEndpointsFromPayload, websiteAdapter } from '../../channels/website'
import {
  dataDir,
  demoEnabled,
  facebookConfigured,
  facebookEnv,
  hubRole,
  sandboxChannelsSetting,
  slackConfigured,
  slackEnv,
  webhookTimeoutMs,
} from '../config/env'
import { processSnapshots } from '../public/publicRoutes'

/** Channels the demo stands in for with the sandbox, since it has no credentials for them. */
const DEMO_SANDBOXED = ['facebook', 'slack']

/**
 * Whether a channel has the credentials its real adapter needs. The demo sandboxes only the
 * channels that do not: a configured one is delivered for real.
 */
const CONFIGURED: Record<string, () => boolean> = {
  facebook: facebookConfigured,
  slack: slackConfigured,
}

/** Channels only staff can see: they may carry internal items. */
const STAFF_ONLY_CHANNELS = new Set(['portal', 'slack'])

/**
 * The channels this process delivers to, validated all at once: the website and portal
 * webhooks, the Facebook Page when FACEBOOK_PAGE_TOKEN is set, Slack when SLACK_BOT_TOKEN is
 * set, and the channels named in
 * HUB_SANDBOX_CHANNELS (by default, in the demo: facebook and slack, less those configured
 * for real), served by the sandbox, which records to data/sandbox.jsonl what it would have sent.
 */
export function buildChannelRegistry(payload: Payload): ChannelRegistry {
  const adapters: ChannelAdapter[] = []
  const sandboxed = sandboxedChannels()
  // Website and app webhooks need no credentials of the hub's own: each endpoint brings its secret.
  if (!sandboxed.includes('website')) {
    adapters.push(
      websiteAdapter({
        loadEndpoints: loadEndpointsFromPayload(payload, 'website'),
        disableEndpoint: (id, reason) => disableEndpoint(payload, id, reason),
        timeoutMs: webhookTimeoutMs(),
      }),
    )
  }
  // The employee portal: webhooks to the `portal` rows of channel-endpoints, like the website's,
  // and the internal feed /feeds/portal.json and .rss, which needs no credentials, so the real
  // adapter runs in the demo too.
  if (!sandboxed.includes('portal')) {
    adapters.push(
      portalAdapter({
        loadEndpoints: loadEndpointsFromPayload(payload, 'portal'),
        disableEndpoint: (id, reason) => disableEndpoint(payload, id, reason),
        timeoutMs: webhookTimeoutMs(),
        feed: { payload, routes: hubRole() === 'worker' ? undefined : processSnapshots },
      }),
    )
  }
  // The Facebook Page, once it has a token; an explicit HUB_SANDBOX_CHANNELS=facebook still wins.
  if (facebookConfigured() && !sandboxed.includes('facebook')) {
    adapters.push(facebookAdapter({ config: facebookEnv() }))
  }
  // Slack internal news, once it has a bot token; an explicit HUB_SANDBOX_CHANNELS=slack still wins.
  if (slackConfigured() && !sandboxed.includes('slack')) {
    adapters.push(slackAdapter({ config: slackEnv() }))
  }
  // Feeds are local (entries and snapshots in our own database): the real adapter runs in the
  // demo too. A process that serves puts rebuilt feeds in its routes at once.
  if (!sandboxed.includes('feeds')) {
    adapters.push(
      feedsAdapter({
        payload,
        routes: hubRole() === 'worker' ? undefined : processSnapshots,
        warm: true,
      }),
    )
  }
  // Signage is local too (screens, entries and playlists in our own database).
  if (!sandboxed.includes('signage')) {
    adapters.push(
      signageAdapter({
        payload,
        routes: hubRole() === 'worker' ? undefined : processSnapshots,
        warm: true,
      }),
    )
  }
  for (const name of sandboxed) {
    adapters.push(
      sandboxAdapter({
        name,
        targets: [{ id: 'sandbox', name: 'Sandkasse', public: !STAFF_ONLY_CHANNELS.has(name) }],
        onRecord: appendTo(path.join(dataDir(), 'sandbox.jsonl'), name),
      }),
    )
  }
  return createRegistry(adapters, process.env)
}

export function sandboxedChannels(): string[] {
  const raw = sandboxChannelsSetting()
  if (raw === undefined) {
    return demoEnabled() ? DEMO_SANDBOXED.filter((name) => !CONFIGURED[name]?.()) : []
  }
  return raw
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
}

function appendTo(file: string, channel: string) {
  return (record: object): void => {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.appendFileSync(
      file,
      `${JSON.stringify({ channel, at: new Date().toISOString(), ...record })}\n`,
    )
  }
}
