import type { ChannelAdapter, ChannelItem, Receipt, Target } from '../../channels/contract'
import {
  facebookAdapter,
  type FacebookAdapterOptions,
  type FacebookMessage,
} from '../../channels/facebook'
import { type GraphApi, type GraphApiOptions, startGraphApi } from '../fakes/graph-api'
import type { ConformanceFake } from './conformanceFake'
import { deliverContext, PUBLIC_URL, RENDER_NOW, sampleItem } from './fixtures'

export type FacebookFake = ConformanceFake & { graph: GraphApi }

/**
 * The fake Graph API behind the conformance suite's interface: a copy is a post the fake
 * created, edited or deleted (created-then-500 included), and its item is the one whose URL the
 * post is about.
 */
export async function startFacebookFake(
  options: GraphApiOptions = {},
  items: readonly ChannelItem[] = [sampleItem()],
): Promise<FacebookFake> {
  const graph = await startGraphApi(options)
  const itemIdByUrl = new Map(items.map((item) => [item.url, item.id]))
  return {
    graph,
    script: (...answers) => graph.script.push(...answers),
    operations: () =>
      graph.operations.map((op) => ({
        kind: op.kind,
        itemId: op.urls.map((url) => itemIdByUrl.get(url)).find(Boolean) ?? '',
      })),
    requestCount: () => graph.requests.length,
    close: () => graph.close(),
  }
}

/**
 * Makes one request so the worker's first `fetch` (undici loads lazily: 300 ms on a busy
 * machine) is not paid inside a test whose adapter gives up after the suite's 250 ms.
 */
export async function warmUpHttp(): Promise<void> {
  const graph = await startGraphApi()
  try {
    await (await fetch(`${graph.url}/me`)).text()
  } finally {
    await graph.close()
  }
}

/** The adapter configured for the fake, as `FACEBOOK_*` settings would configure it. */
export function adapterFor(
  graph: GraphApi,
  options: Omit<Partial<FacebookAdapterOptions>, 'config'> & {
    config?: Record<string, string>
  } = {},
): ChannelAdapter<FacebookMessage> {
  return facebookAdapter({
    timeoutMs: 2000,
    ...options,
    config: {
      FACEBOOK_PAGE_ID: graph.pageId,
      FACEBOOK_PAGE_TOKEN: graph.token,
      FACEBOOK_GRAPH_URL: graph.url,
      ...options.config,
    },
  })
}

/** The adapter's only target (the Page). */
export async function pageTarget(adapter: ChannelAdapter<FacebookMessage>): Promise<Target> {
  const [target] = await adapter.targets()
  if (!target) throw new Error('the Facebook adapter offers no target')
  return target
}

export function renderFor(
  adapter: ChannelAdapter<FacebookMessage>,
  target: Target,
  item: ChannelItem = sampleItem(),
): FacebookMessage {
  return adapter.render(item, { target, now: RENDER_NOW, publicUrl: PUBLIC_URL })
}

/** Publishes `item` once, as a first attempt with no prior copy. */
export async function publish(
  adapter: ChannelAdapter<FacebookMessage>,
  item: ChannelItem = sampleItem(),
): Promise<Receipt> {
  const target = await pageTarget(adapter)
  return adapter.deliver(renderFor(adapter, target, item), deliverContext(target, 'publish'))
}

/** An item whose photo has a social rendition: it makes a photo post. */
export function photoItem(overrides: Partial<ChannelItem> = {}): ChannelItem {
  return sampleItem({
    image: {
      alt: 'Anleggsmaskiner ved Vikersund skole',
      credit: 'Kari Nordmann',
      renditions: [
        rendition('social', 'avif', '/media/social/vikersund-1200x630.avif'),
        rendition('social', 'jpeg', '/media/social/vikersund-1200x630.jpg'),
      ],
    },
    ...overrides,
  })
}

export function rendition(
  preset: string,
  format: 'avif' | 'webp' | 'jpeg' | 'png',
  url: string,
): NonNullable<ChannelItem['image']>['renditions'][number] {
  return { preset, format, url, width: 1200, height: 630 }
}
