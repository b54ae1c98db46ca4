import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { ChannelAdapter, Target } from '../../channels/contract'
import { classifyError, type FailureClassification } from '../../channels/errors'
import type { FacebookMessage } from '../../channels/facebook'
import { fixedClock } from '../../src/clock'
import { usageHeaders } from '../fakes/graph-api'
import {
  adapterFor,
  pageTarget,
  renderFor,
  startFacebookFake,
  type FacebookFake,
} from './facebookFake'
import { deliverContext } from './fixtures'

/** Graph errors are judged by their code (Meta's error-handling guide), not the HTTP status. */
describe('facebook adapter: Graph API errors', () => {
  let fake: FacebookFake
  let adapter: ChannelAdapter<FacebookMessage>
  let target: Target
  const clock = fixedClock('2026-11-20T10:00:00.000Z')

  beforeEach(async () => {
    fake = await startFacebookFake()
    adapter = adapterFor(fake.graph, { now: () => clock.now() })
    target = await pageTarget(adapter)
  })

  afterEach(async () => {
    await fake.close()
  })

  async function failure(): Promise<FailureClassification> {
    try {
      await adapter.deliver(renderFor(adapter, target), deliverContext(target, 'publish'))
    } catch (err) {
      return classifyError(err)
    }
    throw new Error('expected the delivery to fail')
  }

  const scriptError = (code: number, status = 400, extra: { error_subcode?: number } = {}) =>
    fake.graph.script.push({ error: { code, message: `(#${code}) test`, ...extra }, status })

  it.each([1, 2, 341, 368])('should retry Graph error %i as transient', async (code) => {
    scriptError(code)
    expect(await failure()).toMatchObject({ kind: 'transient', code: `facebook-${code}` })
  })

  it('should retry subcode 1390008 (temporarily blocked from posting) as transient', async () => {
    scriptError(368, 400, { error_subcode: 1390008 })
    expect(await failure()).toMatchObject({ kind: 'transient' })
  })

  it.each([4, 17, 32, 613, 80001])(
    'should treat Graph error %i as a throttle that pauses the channel',
    async (code) => {
      scriptError(code)
      expect(await failure()).toMatchObject({ kind: 'rate-limited', pauseChannel: true })
    },
  )

  it.each([10, 200, 250, 299])(
    'should fail Graph error %i permanently as a missing permission',
    async (code) => {
      scriptError(code, 403)
      expect(await failure()).toMatchObject({ kind: 'permanent', code: 'facebook-permission' })
    },
  )

  it('should fail Graph error 100 (invalid parameter) permanently', async () => {
    scriptError(100)
    expect(await failure()).toMatchObject({ kind: 'permanent', code: 'facebook-100' })
  })

  it('should mark a refused token (190) with its own code for editor alerts', async () => {
    fake.graph.configure({ mode: 'expiredToken' })
    const result = await failure()
    expect(result).toMatchObject({ kind: 'permanent', code: 'facebook-token', statusCode: 400 })
    expect(result.message).toMatch(/FACEBOOK_PAGE_TOKEN/)
  })

  it('should fail a missing publishing permission (200, HTTP 403) permanently', async () => {
    fake.graph.configure({ mode: 'missingPermission' })
    expect(await failure()).toMatchObject({ kind: 'permanent', statusCode: 403 })
  })

  it('should judge by the code, not the status: code 2 under HTTP 400 is transient', async () => {
    scriptError(2, 400)
    expect(await failure()).toMatchObject({ kind: 'transient', statusCode: 400 })
  })

  it('should judge by the code, not the status: code 100 under HTTP 500 is permanent', async () => {
    scriptError(100, 500)
    expect(await failure()).toMatchObject({ kind: 'permanent', statusCode: 500 })
  })

  it("should fall back on the HTTP status when a proxy's page comes instead of a Graph error", async () => {
    fake.graph.script.push({ status: 429, retryAfter: 11 }) // the Graph API never sends 429
    expect(await failure()).toMatchObject({
      kind: 'rate-limited',
      code: 'http-429',
      retryAfterSeconds: 11,
    })
  })

  it('should never quote the token in an error', async () => {
    fake.graph.configure({ mode: 'expiredToken' })
    expect((await failure()).message).not.toContain(fake.graph.token)
  })

  it('should wait estimated_time_to_regain_access (minutes) after a throttle', async () => {
    fake.graph.configure({ mode: 'throttle', throttle: { code: 32, regainMinutes: 7 } })
    expect(await failure()).toMatchObject({
      kind: 'rate-limited',
      code: 'facebook-32',
      pauseChannel: true,
      retryAfterSeconds: 420,
    })
  })

  it('should wait 5 minutes after a throttle that does not say how long', async () => {
    fake.graph.configure({ mode: 'throttle', throttle: { code: 4, regainMinutes: 0 } })
    expect(await failure()).toMatchObject({ kind: 'rate-limited', retryAfterSeconds: 300 })
  })

  it('should send nothing more while a throttle lasts', async () => {
    fake.graph.configure({ mode: 'throttle', modeTimes: 1 })
    await failure()
    const before = fake.graph.requests.length
    expect(await failure()).toMatchObject({ kind: 'rate-limited', code: 'facebook-usage' })
    expect(fake.graph.requests).toHaveLength(before)
  })

  it('should call again once the throttle has passed', async () => {
    fake.graph.configure({ mode: 'throttle', modeTimes: 1, throttle: { regainMinutes: 1 } })
    await failure()
    clock.set(new Date(clock.now().getTime() + 61_000))
    await adapter.deliver(renderFor(adapter, target), deliverContext(target, 'publish'))
    expect(fake.graph.posts).toHaveLength(1)
  })

  it('should pause before the next call when a successful answer reports 95 % usage', async () => {
    fake.graph.configure({ usagePercent: 96 })
    // The look before posting reports 96 %: the post itself is held back.
    expect(await failure()).toMatchObject({
      kind: 'rate-limited',
      code: 'facebook-usage',
      pauseChannel: true,
      retryAfterSeconds: 300,
    })
    expect(fake.graph.requests.map((r) => r.method)).toEqual(['GET'])
    expect(fake.graph.posts).toEqual([])
  })

  it('should read the wait from X-Business-Use-Case-Usage', async () => {
    fake.graph.script.push({
      error: { code: 80001, message: '(#80001) too many calls' },
      headers: usageHeaders(fake.graph.pageId, 100, 12),
    })
    expect(await failure()).toMatchObject({ retryAfterSeconds: 720 })
  })

  it('should fail transiently when Facebook never answers', async () => {
    const quick = adapterFor(fake.graph, { timeoutMs: 200 })
    fake.graph.configure({ mode: 'timeout' })
    const result = await quick
      .deliver(renderFor(quick, target), deliverContext(target, 'publish'))
      .catch((e: unknown) => classifyError(e))
    expect(result).toMatchObject({ kind: 'transient', code: 'timeout' })
  })
})
