import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { Health } from '../../channels/contract'
import { startSlackApi, type SlackApi, type SlackMode } from '../fakes/slack-api'
import { adapterOver } from './slackFixtures'

describe('slack health', () => {
  let fake: SlackApi

  beforeEach(async () => {
    fake = await startSlackApi()
  })

  afterEach(async () => {
    await fake.close()
  })

  const health = (config: Record<string, string> = {}, timeoutMs?: number): Promise<Health> => {
    const adapter = adapterOver(fake, { config, timeoutMs })
    return adapter.health!({ signal: new AbortController().signal })
  }

  it('should be ok when the token works and the bot is in the news channel', async () => {
    expect(await health()).toEqual({
      status: 'ok',
      detail: 'Koblet til som hub i Modum kommune; publiserer i #nyheter.',
    })
  })

  it('should check the token with auth.test and the channel with conversations.info', async () => {
    await health()
    expect(fake.requests.map((r) => r.method)).toEqual([
      'auth.test',
      'conversations.info',
      'conversations.info',
    ])
  })

  it.each<[SlackMode, RegExp]>([
    ['invalid-auth', /^Slack godtok ikke bot-tokenet \(invalid_auth\)/],
    ['token-revoked', /^Slack godtok ikke bot-tokenet \(token_revoked\)/],
    ['channel-not-found', /^Kanalen C0NYHETER1 kan ikke brukes \(channel_not_found\)/],
    ['not-in-channel', /^Boten er ikke medlem av #nyheter/],
  ])('should be down in the fake mode %s', async (mode, detail) => {
    fake.setMode(mode)
    const result = await health()
    expect(result.status).toBe('down')
    expect(result.detail).toMatch(detail)
  })

  it('should be down when the news channel is archived', async () => {
    await fake.close()
    fake = await startSlackApi({
      channels: [{ id: 'C0NYHETER1', name: 'nyheter', isArchived: true }],
    })
    expect(await health({ SLACK_ALERT_CHANNEL: '' })).toEqual({
      status: 'down',
      detail: 'Kanalen #nyheter er arkivert.',
    })
  })

  it('should be degraded when the alert channel cannot be used', async () => {
    const result = await health({ SLACK_ALERT_CHANNEL: 'C0FINNESIKKE' })
    expect(result).toMatchObject({ status: 'degraded' })
    expect(result.detail).toContain('channel_not_found')
  })

  it('should be degraded while Slack rate-limits us', async () => {
    fake.setMode('rate-limited')
    expect(await health()).toMatchObject({ status: 'degraded' })
  })

  it('should be down when Slack does not answer in time', async () => {
    fake.setMode('timeout')
    expect(await health({}, 200)).toEqual({
      status: 'down',
      detail: 'Slack svarer ikke (timeout).',
    })
  })
})
