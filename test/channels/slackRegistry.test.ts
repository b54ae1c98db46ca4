import { afterEach, describe, expect, it, vi } from 'vitest'

import { ChannelConfigError } from '../../channels/registry'
import { buildChannelRegistry } from '../../src/boot/channelRegistry'
import { emptyPayload } from './fixtures'

const payload = emptyPayload

const TOKEN = 'xoxb-1000000001-2000000002-AbCdEfGhIjKlMnOpQrStUvWx'

/** The demo's defaults, with nothing of Facebook's set. */
function demo(env: Record<string, string> = {}) {
  vi.stubEnv('HUB_DEMO', 'true')
  vi.stubEnv('HUB_SANDBOX_CHANNELS', undefined)
  vi.stubEnv('FACEBOOK_PAGE_TOKEN', undefined)
  vi.stubEnv('SLACK_BOT_TOKEN', undefined)
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value)
}

describe('slack in the channel registry', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it('should keep the sandbox stand-in for slack in the demo while no bot token is set', () => {
    demo()
    const slack = buildChannelRegistry(payload).get('slack')
    expect(slack).toHaveProperty('records')
  })

  it('should register the real adapter, on the news channel, once the bot token is set', async () => {
    demo({ SLACK_BOT_TOKEN: TOKEN, SLACK_CHANNEL: 'C0NYHETER1' })
    const slack = buildChannelRegistry(payload).get('slack')
    expect(slack).not.toHaveProperty('records')
    expect(await slack?.targets()).toEqual([expect.objectContaining({ id: 'C0NYHETER1' })])
  })

  it('should keep the sandbox when HUB_SANDBOX_CHANNELS names slack, token or not', () => {
    demo({ SLACK_BOT_TOKEN: TOKEN, SLACK_CHANNEL: 'C0NYHETER1', HUB_SANDBOX_CHANNELS: 'slack' })
    expect(buildChannelRegistry(payload).get('slack')).toHaveProperty('records')
  })

  it('should refuse to boot with a token but no channel, naming SLACK_CHANNEL', () => {
    demo({ SLACK_BOT_TOKEN: TOKEN })
    expect(() => buildChannelRegistry(payload)).toThrow(ChannelConfigError)
    expect(() => buildChannelRegistry(payload)).toThrow(/slack: SLACK_CHANNEL is missing/)
  })
})
