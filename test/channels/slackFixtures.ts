import type { ChannelAdapter, Target } from '../../channels/contract'
import { slackAdapter, type SlackMessage } from '../../channels/slack'
import { startSlackApi, type SlackApi } from '../fakes/slack-api'
import { deliverContext, PUBLIC_URL, RENDER_NOW, sampleItem } from './fixtures'

/** A Slack adapter talking to `fake`, with a short deadline so hung calls end quickly. */
export function adapterOver(
  fake: SlackApi,
  options: {
    timeoutMs?: number
    config?: Record<string, string>
    now?: () => Date
    findBeforeCreate?: boolean
  } = {},
): ChannelAdapter<SlackMessage> {
  return slackAdapter({
    config: fake.config(options.config),
    timeoutMs: options.timeoutMs ?? 2000,
    now: options.now,
    findBeforeCreate: options.findBeforeCreate,
  })
}

/** The adapter's one target, the news channel. */
export async function newsTarget(adapter: ChannelAdapter<SlackMessage>): Promise<Target> {
  const [target] = await adapter.targets()
  if (!target) throw new Error('the Slack adapter offers no target')
  return target
}

/** The sample item rendered for `target`. */
export function renderSample(
  adapter: ChannelAdapter<SlackMessage>,
  target: Target,
  overrides: Parameters<typeof sampleItem>[0] = {},
): SlackMessage {
  return adapter.render(sampleItem(overrides), { target, now: RENDER_NOW, publicUrl: PUBLIC_URL })
}

let warm: Promise<void> | undefined

/**
 * The first Web API calls in a process load fetch, open the first connection and compile the
 * client's and the fake's code paths: 100–300 ms each on a 2-core machine, against the
 * conformance suite's 250 ms deadline per call. One throwaway publish, edit and retraction
 * against a throwaway fake first keeps the suite measuring the adapter, not the warm-up.
 */
export function warmUpSlackClient(): Promise<void> {
  warm ??= (async () => {
    const fake = await startSlackApi()
    try {
      const adapter = adapterOver(fake)
      const target = await newsTarget(adapter)
      const receipt = await adapter.deliver(
        renderSample(adapter, target),
        deliverContext(target, 'publish'),
      )
      await adapter.deliver(
        renderSample(adapter, target),
        deliverContext(target, 'update', { prior: receipt }),
      )
      await adapter.retract?.(receipt, deliverContext(target, 'retract'))
    } finally {
      await fake.close()
    }
  })()
  return warm
}
