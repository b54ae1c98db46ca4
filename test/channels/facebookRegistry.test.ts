import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { buildChannelRegistry, sandboxedChannels } from '../../src/boot/channelRegistry'
import { emptyPayload } from './fixtures'

const KEYS = [
  'HUB_DEMO',
  'HUB_SANDBOX_CHANNELS',
  'FACEBOOK_PAGE_ID',
  'FACEBOOK_PAGE_TOKEN',
  'FACEBOOK_GRAPH_URL',
  'FACEBOOK_API_VERSION',
] as const

// The website adapter only keeps the Payload instance for later; building touches nothing.
const payload = emptyPayload

describe('channel registry: the Facebook Page', () => {
  const saved: Partial<Record<(typeof KEYS)[number], string>> = {}

  beforeEach(() => {
    for (const key of KEYS) {
      saved[key] = process.env[key]
      delete process.env[key]
    }
    process.env.HUB_DEMO = 'true'
  })

  afterEach(() => {
    for (const key of KEYS) {
      if (saved[key] === undefined) delete process.env[key]
      else process.env[key] = saved[key]
    }
  })

  it('should let the demo stand in for Facebook with the sandbox while there is no token', () => {
    expect(sandboxedChannels()).toContain('facebook')
    expect(buildChannelRegistry(payload).get('facebook')).toHaveProperty('records')
  })

  it('should register the real adapter once FACEBOOK_PAGE_TOKEN is set', () => {
    process.env.FACEBOOK_PAGE_ID = '104857600000001'
    process.env.FACEBOOK_PAGE_TOKEN = 'EAAtoken'
    expect(sandboxedChannels()).not.toContain('facebook')
    const facebook = buildChannelRegistry(payload).get('facebook')
    expect(facebook).toHaveProperty('find')
    expect(facebook).not.toHaveProperty('records')
  })

  it('should keep the sandbox when HUB_SANDBOX_CHANNELS names facebook, token or not', () => {
    process.env.FACEBOOK_PAGE_ID = '104857600000001'
    process.env.FACEBOOK_PAGE_TOKEN = 'EAAtoken'
    process.env.HUB_SANDBOX_CHANNELS = 'facebook'
    expect(buildChannelRegistry(payload).get('facebook')).toHaveProperty('records')
  })

  it('should have no Facebook channel outside the demo without a token', () => {
    process.env.HUB_DEMO = 'false'
    expect(buildChannelRegistry(payload).get('facebook')).toBeUndefined()
  })

  it('should refuse to boot with every Facebook problem named at once', () => {
    process.env.FACEBOOK_PAGE_TOKEN = 'EAAtoken'
    process.env.FACEBOOK_API_VERSION = 'latest'
    expect(() => buildChannelRegistry(payload)).toThrow(
      /facebook: FACEBOOK_PAGE_ID is missing; facebook: FACEBOOK_API_VERSION must look like/,
    )
  })
})
