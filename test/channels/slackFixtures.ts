import type { ChannelAdapter, Target } from '../../channels/contract'
import { slackAdapter, type SlackMessage } from '../../channels/slack'
import type { SlackApi } from '../fakes/slack-api'
import { PUBLIC_URL, RENDER_NOW, sampleItem } from './fixtures'

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
