import type { ChannelAdapter } from '../../channels/contract'
import {
  websiteAdapter,
  type WebsiteAdapterOptions,
  type WebsiteEndpoint,
  type WebsiteMessage,
} from '../../channels/website'
import { deliverContext, PUBLIC_URL, RENDER_NOW, sampleItem } from './fixtures'

/** One enabled public endpoint subscribed to everything, pointing at `url`. */
export function testEndpoint(
  url: string,
  secret: string,
  overrides: Partial<WebsiteEndpoint> = {},
): WebsiteEndpoint {
  return {
    id: '7',
    name: 'Modum kommune – nettsiden',
    url: `${url}/webhooks/hub`,
    enabled: true,
    events: ['item.published', 'item.updated', 'item.retracted'],
    audiences: ['public'],
    secret,
    ...overrides,
  }
}

/**
 * A website adapter over an in-memory list of endpoints (mutable, so a test can disable or
 * delete one), allowed to call the fake on 127.0.0.1.
 */
export function adapterOver(
  endpoints: WebsiteEndpoint[],
  options: Partial<WebsiteAdapterOptions> = {},
) {
  return websiteAdapter({
    loadEndpoints: (query) =>
      Promise.resolve(
        query?.id === undefined ? [...endpoints] : endpoints.filter((e) => e.id === query.id),
      ),
    allowPrivateAddresses: () => true,
    ...options,
  })
}

/** Renders the sample item for the adapter's target `targetId` and publishes it there. */
export async function deliverSample(adapter: ChannelAdapter<WebsiteMessage>, targetId?: string) {
  const targets = await adapter.targets()
  const target = targetId === undefined ? targets[0] : targets.find((t) => t.id === targetId)
  if (!target) throw new Error(`no target ${targetId ?? ''}`)
  const message = adapter.render(sampleItem(), { target, now: RENDER_NOW, publicUrl: PUBLIC_URL })
  return adapter.deliver(message, deliverContext(target, 'publish'))
}
