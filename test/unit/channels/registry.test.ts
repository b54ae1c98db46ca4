import { describe, expect, it } from 'vitest'

import type { ChannelAdapter, ChannelConfig } from '../../../channels/contract'
import { ChannelConfigError, createRegistry } from '../../../channels/registry'

function adapter<M = unknown>(
  name: string,
  validate?: (config: ChannelConfig) => string[],
  render: () => M = () => ({}) as M,
): ChannelAdapter<M> {
  return {
    name,
    ...(validate ? { validate } : {}),
    targets: () => [{ id: name, public: true }],
    accepts: () => true,
    render,
    deliver: () => Promise.resolve({ externalId: `${name}-1` }),
  }
}

const needs =
  (...keys: string[]) =>
  (config: ChannelConfig) =>
    keys.filter((key) => !config[key]).map((key) => `${key} is missing`)

function configError(fn: () => unknown): ChannelConfigError {
  try {
    fn()
  } catch (err) {
    if (err instanceof ChannelConfigError) return err
    throw err
  }
  throw new Error('expected a ChannelConfigError')
}

describe('createRegistry', () => {
  it('should report every problem of every channel in one error', () => {
    const err = configError(() =>
      createRegistry(
        [
          adapter('facebook', needs('FACEBOOK_PAGE_ID', 'FACEBOOK_PAGE_TOKEN')),
          adapter('slack', needs('SLACK_BOT_TOKEN')),
          adapter('website', needs('WEBSITE_URL')),
        ],
        { SLACK_BOT_TOKEN: 'xoxb' },
      ),
    )
    expect(err.problems).toEqual([
      { channel: 'facebook', problem: 'FACEBOOK_PAGE_ID is missing' },
      { channel: 'facebook', problem: 'FACEBOOK_PAGE_TOKEN is missing' },
      { channel: 'website', problem: 'WEBSITE_URL is missing' },
    ])
  })

  it('should name each channel with its problem in the message', () => {
    const err = configError(() =>
      createRegistry(
        [adapter('facebook', needs('FACEBOOK_PAGE_ID')), adapter('website', needs('WEBSITE_URL'))],
        {},
      ),
    )
    expect(err.message).toBe(
      'Channel configuration has 2 problems: facebook: FACEBOOK_PAGE_ID is missing; website: WEBSITE_URL is missing',
    )
  })

  it('should report a duplicate name once, alongside other problems', () => {
    const err = configError(() =>
      createRegistry(
        [
          adapter('slack'),
          adapter('slack'),
          adapter('slack'),
          adapter('feeds', needs('FEEDS_TITLE')),
        ],
        {},
      ),
    )
    expect(err.problems).toEqual([
      { channel: 'slack', problem: 'registered more than once' },
      { channel: 'feeds', problem: 'FEEDS_TITLE is missing' },
    ])
  })

  it('should report a validator that throws as a problem without hiding the others', () => {
    const broken = adapter('portal', () => {
      throw new Error('PORTAL_URL is not a URL')
    })
    const err = configError(() =>
      createRegistry([broken, adapter('slack', needs('SLACK_BOT_TOKEN'))], {}),
    )
    expect(err.problems).toEqual([
      { channel: 'portal', problem: 'configuration check failed: PORTAL_URL is not a URL' },
      { channel: 'slack', problem: 'SLACK_BOT_TOKEN is missing' },
    ])
  })

  it('should reject a name that is not lowercase letters, digits and hyphens', () => {
    const err = configError(() => createRegistry([adapter('Face Book'), adapter('')], {}))
    expect(err.problems.map((p) => p.channel)).toEqual(['Face Book', '(channel #2)'])
  })

  it('should give every validator the configuration', () => {
    const seen: unknown[] = []
    createRegistry(
      [
        adapter('website', (config) => {
          seen.push(config.WEBSITE_URL)
          return []
        }),
      ],
      { WEBSITE_URL: 'https://www.example.no' },
    )
    expect(seen).toEqual(['https://www.example.no'])
  })

  it('should look adapters up by name and list them in the order given', () => {
    const website = adapter('website')
    const sandbox = adapter('sandbox')
    const registry = createRegistry([website, sandbox], {})
    expect(registry.get('sandbox')).toBe(sandbox)
    expect(registry.all()).toEqual([website, sandbox])
    expect(registry.names()).toEqual(['website', 'sandbox'])
  })

  it('should answer undefined for a channel that is not configured', () => {
    expect(createRegistry([adapter('website')], {}).get('facebook')).toBeUndefined()
  })

  it('should hold adapters with different message types together', () => {
    const posts = adapter('facebook', undefined, () => ({ message: 'hei', link: 'https://x' }))
    const slides = adapter('signage', undefined, () => ['slide'])
    expect(createRegistry([posts, slides], {}).names()).toEqual(['facebook', 'signage'])
  })
})
