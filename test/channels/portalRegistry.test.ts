import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { buildChannelRegistry, sandboxedChannels } from '../../src/boot/channelRegistry'
import { emptyPayload } from './fixtures'

const KEYS = ['HUB_DEMO', 'HUB_SANDBOX_CHANNELS'] as const

// The adapters only keep the Payload instance for later; building touches nothing.
const payload = emptyPayload

describe('channel registry: the employee portal', () => {
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

  it('should run the real portal adapter in the demo, since its feed needs no credentials', () => {
    expect(sandboxedChannels()).not.toContain('portal')
    const portal = buildChannelRegistry(payload).get('portal')
    expect(portal).toBeDefined()
    expect(portal).not.toHaveProperty('records')
  })

  it('should run the real portal adapter outside the demo', () => {
    process.env.HUB_DEMO = 'false'
    expect(buildChannelRegistry(payload).get('portal')).not.toHaveProperty('records')
  })

  it('should keep the sandbox when HUB_SANDBOX_CHANNELS names portal', () => {
    process.env.HUB_SANDBOX_CHANNELS = 'portal'
    expect(buildChannelRegistry(payload).get('portal')).toHaveProperty('records')
  })
})
