import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { ChannelAdapter, Target } from '../../channels/contract'
import { classifyError } from '../../channels/errors'
import type { FacebookMessage } from '../../channels/facebook'
import {
  adapterFor,
  pageTarget,
  renderFor,
  startFacebookFake,
  type FacebookFake,
} from './facebookFake'
import { deliverContext, sampleItem } from './fixtures'

/**
 * Never a duplicate post: after an ambiguous failure the outbox calls `find` before posting
 * again (attempt 2 and later); a 506 and an update without a prior copy look as well.
 */
describe('facebook adapter: finding its post instead of posting twice', () => {
  let fake: FacebookFake
  let adapter: ChannelAdapter<FacebookMessage>
  let target: Target
  const item = sampleItem()

  beforeEach(async () => {
    fake = await startFacebookFake()
    adapter = adapterFor(fake.graph)
    target = await pageTarget(adapter)
  })

  afterEach(async () => {
    await fake.close()
  })

  const message = () => renderFor(adapter, target)

  /** What the outbox does: one attempt, and on a retry `find` before `deliver`. */
  async function attempt(ctx = deliverContext(target, 'publish'), retry = false) {
    if (retry) {
      const found = await adapter.find?.(message(), ctx)
      if (found) return found
    }
    return adapter.deliver(message(), ctx)
  }

  it('should fail transiently when Facebook posts and then answers 500', async () => {
    fake.graph.configure({ mode: 'createdThen500', modeTimes: 1 })
    const failure = classifyError(await attempt().catch((e: unknown) => e))
    expect(failure).toMatchObject({ kind: 'transient', code: 'facebook-2', statusCode: 500 })
    expect(fake.graph.posts).toHaveLength(1)
  })

  it('should find the post a created-then-500 made, leaving one post on the Page', async () => {
    fake.graph.configure({ mode: 'createdThen500', modeTimes: 1 })
    const ctx = deliverContext(target, 'publish')
    await attempt(ctx).catch(() => undefined)
    const receipt = await attempt(ctx, true)
    expect(receipt).toMatchObject({ externalId: fake.graph.posts[0]?.id, detail: { found: true } })
    expect(fake.graph.postsAbout(item.url)).toHaveLength(1)
    expect(fake.graph.duplicates).toEqual([])
  })

  it('should take the permalink Facebook reports for a found post', async () => {
    fake.graph.configure({ mode: 'createdThen500', modeTimes: 1 })
    await attempt().catch(() => undefined)
    const receipt = await adapter.find?.(message(), deliverContext(target, 'publish'))
    expect(receipt?.externalUrl).toMatch(/^https:\/\/www\.facebook\.com\/\d+\/posts\/\d+$/)
  })

  it('should answer null when the Page holds no post of the item', async () => {
    fake.graph.seedPost({ message: 'Noe helt annet https://www.modum.kommune.no/nyheter/annet' })
    expect(await adapter.find?.(message(), deliverContext(target, 'publish'))).toBeNull()
  })

  it("should not take a post of an item whose URL merely starts with this item's URL", async () => {
    fake.graph.seedPost({ message: `Annen sak ${item.url}-del-2` })
    expect(await adapter.find?.(message(), deliverContext(target, 'publish'))).toBeNull()
  })

  it('should not take a post older than the item', async () => {
    fake.graph.seedPost({
      message: `Gammel ${item.url}`,
      createdTime: new Date('2020-01-01T00:00:00Z'),
    })
    expect(await adapter.find?.(message(), deliverContext(target, 'publish'))).toBeNull()
  })

  it('should page back through published_posts to find an older post', async () => {
    const ours = fake.graph.seedPost({ message: message().text, link: item.url })
    for (let i = 0; i < 150; i++)
      fake.graph.seedPost({ message: `Sak ${i} https://www.modum.kommune.no/nyheter/sak-${i}` })
    const receipt = await adapter.find?.(message(), deliverContext(target, 'publish'))
    expect(receipt?.externalId).toBe(ours.id)
    const reads = fake.graph.requests.filter((r) => r.path.endsWith('/published_posts'))
    expect(reads.length).toBeGreaterThan(1)
  })

  it('should refuse to post, rather than risk a second post, when more than 1000 came since', async () => {
    fake.graph.seedPost({ message: message().text, link: item.url })
    for (let i = 0; i < 1000; i++)
      fake.graph.seedPost({ message: `Sak ${i} https://www.modum.kommune.no/nyheter/sak-${i}` })
    const failure = classifyError(
      await adapter.deliver(message(), deliverContext(target, 'publish')).catch((e: unknown) => e),
    )
    expect(failure).toMatchObject({ kind: 'permanent', code: 'facebook-lookup-incomplete' })
    expect(fake.graph.postsAbout(item.url)).toHaveLength(1)
  })

  it("should bring a found post of an earlier revision up to this revision's text", async () => {
    const old = fake.graph.seedPost({ message: `Gammel tittel\n\n${item.url}`, link: item.url })
    await adapter.find?.(message(), deliverContext(target, 'update'))
    expect(old.message).toBe(message().text)
    expect(fake.graph.scrapes).toEqual([item.url])
  })

  it('should take the post of a superseded delivery instead of posting a newer revision again', async () => {
    fake.graph.configure({ mode: 'createdThen500', modeTimes: 1 })
    await attempt().catch(() => undefined)
    const newer = renderFor(adapter, target, sampleItem({ title: 'Sykkelveien åpner i mai' }))
    const receipt = await adapter.deliver(newer, deliverContext(target, 'publish'))
    expect(receipt.externalId).toBe(fake.graph.posts[0]?.id)
    expect(fake.graph.posts).toHaveLength(1)
    expect(fake.graph.posts[0]?.message).toBe(newer.text)
  })

  it('should post without looking first when findBeforeCreate is off', async () => {
    adapter = adapterFor(fake.graph, { findBeforeCreate: false })
    await attempt()
    expect(fake.graph.requests.map((r) => r.method)).toEqual(['POST'])
  })

  it('should look for the post before creating on an update without a prior copy', async () => {
    fake.graph.configure({ mode: 'createdThen500', modeTimes: 1 })
    await attempt().catch(() => undefined)
    const receipt = await adapter.deliver(message(), deliverContext(target, 'update'))
    expect(receipt.externalId).toBe(fake.graph.posts[0]?.id)
    expect(fake.graph.posts).toHaveLength(1)
  })

  it('should take the existing post when Facebook refuses a duplicate (506)', async () => {
    // Without the look before posting, as when published_posts lags behind a fresh post.
    adapter = adapterFor(fake.graph, { findBeforeCreate: false })
    const first = await attempt()
    fake.graph.configure({ mode: 'duplicate', modeTimes: 1 })
    const receipt = await attempt()
    expect(receipt.externalId).toBe(first.externalId)
    expect(fake.graph.requests.some((r) => r.errorCode === 506)).toBe(true)
    expect(fake.graph.posts).toHaveLength(1)
  })

  it('should fail permanently on a 506 when no post of the item is on the Page', async () => {
    adapter = adapterFor(fake.graph, { findBeforeCreate: false })
    fake.graph.configure({ mode: 'duplicate', modeTimes: 1 })
    const failure = classifyError(await attempt().catch((e: unknown) => e))
    expect(failure).toMatchObject({ kind: 'permanent', code: 'facebook-duplicate' })
  })

  it('should fail the lookup, not post, when the token cannot read the Page posts', async () => {
    fake.graph.script.push({
      error: {
        code: 10,
        message: '(#10) This endpoint requires the pages_read_engagement permission',
      },
      status: 403,
    })
    const failure = classifyError(
      await adapter.find?.(message(), deliverContext(target, 'publish')).catch((e: unknown) => e),
    )
    expect(failure).toMatchObject({ kind: 'permanent', code: 'facebook-permission' })
    expect(fake.graph.posts).toEqual([])
  })
})
