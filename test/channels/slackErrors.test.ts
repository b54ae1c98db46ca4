import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { ChannelAdapter, Target } from '../../channels/contract'
import { classifyError } from '../../channels/errors'
import type { SlackMessage } from '../../channels/slack'
import { startSlackApi, type SlackApi, type SlackMode } from '../fakes/slack-api'
import { deliverContext } from './fixtures'
import { adapterOver, newsTarget, renderSample } from './slackFixtures'

describe('slack adapter: how failures are classified', () => {
  let fake: SlackApi
  let adapter: ChannelAdapter<SlackMessage>
  let target: Target

  beforeEach(async () => {
    fake = await startSlackApi()
    adapter = adapterOver(fake)
    target = await newsTarget(adapter)
  })

  afterEach(async () => {
    await fake.close()
  })

  async function failure() {
    try {
      await adapter.deliver(renderSample(adapter, target), deliverContext(target, 'publish'))
    } catch (err) {
      return classifyError(err)
    }
    throw new Error('expected the post to fail')
  }

  it.each([
    'invalid_auth',
    'not_authed',
    'account_inactive',
    'token_revoked',
    'channel_not_found',
    'not_in_channel',
    'is_archived',
    'msg_too_long',
    'invalid_blocks',
    'missing_scope',
  ])('should fail permanently on %s', async (error) => {
    fake.script({ method: 'chat.postMessage', error })
    expect(await failure()).toMatchObject({ kind: 'permanent', code: `slack-${error}` })
  })

  it.each(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout'])(
    'should fail transiently on %s',
    async (error) => {
      fake.script({ method: 'chat.postMessage', error })
      expect(await failure()).toMatchObject({ kind: 'transient', code: `slack-${error}` })
    },
  )

  it.each<[SlackMode, string]>([
    ['invalid-auth', 'slack-invalid_auth'],
    ['token-revoked', 'slack-token_revoked'],
    ['missing-scope', 'slack-missing_scope'],
    ['not-in-channel', 'slack-not_in_channel'],
    ['channel-not-found', 'slack-channel_not_found'],
  ])('should fail permanently in the fake mode %s', async (mode, code) => {
    fake.setMode(mode)
    expect(await failure()).toMatchObject({ kind: 'permanent', code })
  })

  it('should tell the operator which scope a missing_scope needs', async () => {
    fake.script({ method: 'chat.postMessage', error: 'missing_scope', needed: 'chat:write' })
    expect((await failure()).message).toContain('needs chat:write')
  })

  it("should quote Slack's detail of an invalid_blocks refusal", async () => {
    const message = renderSample(adapter, target)
    const tooLong = { type: 'plain_text' as const, text: 'x'.repeat(151) }
    const broken = { ...message, blocks: [{ type: 'header' as const, text: tooLong }] }
    const post = adapter.deliver(broken, deliverContext(target, 'publish'))
    await expect(post).rejects.toMatchObject({ code: 'slack-invalid_blocks' })
    await expect(post).rejects.toThrow('must be less than 151 characters')
  })

  it('should report a 429 as a rate limit with its Retry-After that pauses the channel', async () => {
    fake.script({ status: 429, retryAfter: '30' })
    expect(await failure()).toMatchObject({
      kind: 'rate-limited',
      retryAfterSeconds: 30,
      pauseChannel: true,
      statusCode: 429,
    })
  })

  it('should report a 429 without a usable Retry-After as a rate limit without a wait', async () => {
    fake.script({ status: 429, retryAfter: 'soon' })
    const result = await failure()
    expect(result).toMatchObject({ kind: 'rate-limited', pauseChannel: true })
    expect(result.retryAfterSeconds).toBeUndefined()
  })

  it('should not retry a rate-limited call itself', async () => {
    fake.setMode('rate-limited')
    await failure()
    expect(fake.requestCount()).toBe(1)
  })

  it('should not retry a failed post itself', async () => {
    fake.script({ method: 'chat.postMessage', status: 503 })
    await failure()
    expect(fake.calls('chat.postMessage')).toHaveLength(1)
  })

  it('should fail transiently with the reason when Slack cannot be reached', async () => {
    const gone = fake
    fake = await startSlackApi()
    await gone.close()
    const offline = adapterOver(gone)
    const post = offline.deliver(renderSample(offline, target), deliverContext(target, 'publish'))
    await expect(post).rejects.toMatchObject({ code: 'network' })
    await expect(post).rejects.toThrow(/connection refused/)
  })

  it('should stop a hung call when the delivery is cancelled', async () => {
    fake.setMode('timeout')
    const slow = adapterOver(fake, { timeoutMs: 60_000 })
    const controller = new AbortController()
    const ctx = deliverContext(target, 'publish', { signal: controller.signal })
    const post = slow.deliver(renderSample(slow, target), ctx)
    await fake.waitForCalls(1)
    controller.abort(new Error('lease lost'))
    await expect(post).rejects.toMatchObject({ code: 'aborted' })
  })

  it('should keep the token out of every failure message', async () => {
    fake.setMode('invalid-auth')
    expect((await failure()).message).not.toContain(fake.token)
  })
})
