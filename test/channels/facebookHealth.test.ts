import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { adapterFor, publish, startFacebookFake, type FacebookFake } from './facebookFake'

describe('facebook adapter: health', () => {
  let fake: FacebookFake

  beforeEach(async () => {
    fake = await startFacebookFake({ pageName: 'Modum kommune' })
  })

  afterEach(async () => {
    await fake.close()
  })

  const health = (adapter = adapterFor(fake.graph)) =>
    adapter.health!({ signal: new AbortController().signal })

  it('should be ok when the token answers as the Page and can read its posts', async () => {
    expect(await health()).toEqual({ status: 'ok', detail: 'Tilkoblet «Modum kommune».' })
  })

  it('should post nothing while checking', async () => {
    await health()
    expect(fake.graph.operations).toEqual([])
  })

  it('should be down, saying what to do, when the token has expired', async () => {
    fake.graph.configure({ mode: 'expiredToken' })
    expect(await health()).toMatchObject({
      status: 'down',
      detail: expect.stringContaining('FACEBOOK_PAGE_TOKEN') as unknown,
    })
  })

  it('should be down when the token belongs to something other than the Page', async () => {
    const other = adapterFor(fake.graph, { config: { FACEBOOK_PAGE_ID: '999' } })
    expect(await health(other)).toMatchObject({
      status: 'down',
      detail: expect.stringContaining('hører ikke til') as unknown,
    })
  })

  it('should be down when Facebook does not answer', async () => {
    fake.graph.configure({ mode: 'timeout' })
    expect((await health(adapterFor(fake.graph, { timeoutMs: 200 }))).status).toBe('down')
  })

  it('should be degraded when the token cannot read the Page posts', async () => {
    fake.graph.script.push(
      { pass: true },
      { error: { code: 10, message: '(#10) pages_read_engagement is required' }, status: 403 },
    )
    expect((await health()).status).toBe('degraded')
  })

  it('should be degraded while Facebook throttles the Page', async () => {
    fake.graph.configure({ mode: 'throttle' })
    expect((await health()).status).toBe('degraded')
  })

  it('should be degraded when usage has passed 80 %', async () => {
    fake.graph.configure({ usagePercent: 85 })
    expect(await health()).toMatchObject({
      status: 'degraded',
      detail: expect.stringContaining('85 %') as unknown,
    })
  })

  it('should be degraded while a usage pause lasts', async () => {
    const adapter = adapterFor(fake.graph)
    fake.graph.configure({ usagePercent: 97 })
    await publish(adapter).catch(() => undefined) // the look before posting reports 97 %
    const before = fake.graph.requests.length
    expect((await health(adapter)).status).toBe('degraded')
    expect(fake.graph.requests).toHaveLength(before)
  })
})
