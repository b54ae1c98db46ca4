import { Webhook } from 'standardwebhooks'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { ChannelAdapter, Target } from '../../channels/contract'
import type { WebsiteMessage } from '../../channels/website'
import { runConformanceSuite } from './conformance'
import { deliverContext, PUBLIC_URL, RENDER_NOW, sampleItem } from './fixtures'
import { adapterOver, deliverSample, testEndpoint } from './websiteEndpoint'
import { startWebsiteFake, type WebsiteFake } from './websiteFake'

runConformanceSuite({
  name: 'website',
  fake: () => startWebsiteFake(),
  makeAdapter: (fake, { timeoutMs }) =>
    adapterOver([testEndpoint(fake.receiver.url, fake.secret)], { timeoutMs }),
})

describe('website adapter: what a receiver gets', () => {
  let fake: WebsiteFake
  let adapter: ChannelAdapter<WebsiteMessage>
  let target: Target

  beforeEach(async () => {
    fake = await startWebsiteFake()
    adapter = adapterOver([testEndpoint(fake.receiver.url, fake.secret)])
    ;[target] = (await adapter.targets()) as [Target]
  })

  afterEach(async () => {
    await fake.close()
  })

  const message = () =>
    adapter.render(sampleItem(), { target, now: RENDER_NOW, publicUrl: PUBLIC_URL })

  it('should sign so that the official library verifies the request', async () => {
    await adapter.deliver(message(), deliverContext(target, 'publish'))
    const [request] = fake.receiver.requests
    const headers = request?.headers as Record<string, string>
    expect(() => new Webhook(fake.secret).verify(request?.rawBody ?? '', headers)).not.toThrow()
  })

  it('should send the delivery id as webhook-id and JSON as the content type', async () => {
    const ctx = deliverContext(target, 'publish')
    await adapter.deliver(message(), ctx)
    expect(fake.receiver.requests[0]?.headers).toMatchObject({
      'webhook-id': ctx.deliveryId,
      'content-type': 'application/json',
    })
  })

  it('should stamp webhook-timestamp in Unix seconds from its clock', async () => {
    const sentAt = new Date(Date.now() - 60_000)
    const clocked = adapterOver([testEndpoint(fake.receiver.url, fake.secret)], {
      now: () => sentAt,
    })
    await deliverSample(clocked)
    expect(fake.receiver.requests[0]?.headers['webhook-timestamp']).toBe(
      String(Math.floor(sentAt.getTime() / 1000)),
    )
    expect(fake.receiver.requests[0]?.verified).toBe(true)
  })

  it('should send the documented body for a publication, keys in order', async () => {
    await adapter.deliver(message(), deliverContext(target, 'publish'))
    const body = fake.receiver.requests[0]?.body as Record<string, unknown>
    const item = sampleItem()
    expect(Object.keys(body)).toEqual([
      'type',
      'id',
      'collection',
      'slug',
      'url',
      'revision',
      'occurredAt',
      'data',
    ])
    expect(body).toStrictEqual({
      type: 'item.published',
      id: item.id,
      collection: item.collection,
      slug: item.slug,
      url: item.url,
      revision: item.revision,
      occurredAt: item.publishedAt,
      data: item.data,
    })
  })

  it('should send item.updated when a prior copy landed', async () => {
    const receipt = await adapter.deliver(message(), deliverContext(target, 'publish'))
    await adapter.deliver(message(), deliverContext(target, 'update', { prior: receipt }))
    expect(fake.receiver.requests.map((r) => r.eventType)).toEqual([
      'item.published',
      'item.updated',
    ])
  })

  it('should send item.published for an update whose publication never landed', async () => {
    await adapter.deliver(message(), deliverContext(target, 'update'))
    expect(fake.receiver.requests[0]?.eventType).toBe('item.published')
  })

  it('should send a retraction without data', async () => {
    const receipt = await adapter.deliver(message(), deliverContext(target, 'publish'))
    await adapter.retract?.(receipt, deliverContext(target, 'retract'))
    const body = fake.receiver.requests[1]?.body as Record<string, unknown>
    expect(body).toMatchObject({ type: 'item.retracted', id: '42', collection: 'news' })
    expect(body).not.toHaveProperty('data')
  })

  it('should keep the webhook-id of a delivery across a retry', async () => {
    fake.script({ status: 500 })
    const ctx = deliverContext(target, 'publish')
    await expect(adapter.deliver(message(), ctx)).rejects.toThrow()
    await adapter.deliver(message(), ctx)
    expect(fake.receiver.uniqueIds()).toEqual([ctx.deliveryId])
    expect(fake.receiver.attemptsFor(ctx.deliveryId)).toBe(2)
  })

  it('should hand back the status and the item in the receipt', async () => {
    const receipt = await adapter.deliver(message(), deliverContext(target, 'publish'))
    expect(receipt.acknowledgedAt).toEqual(expect.any(String))
    expect(receipt.detail).toMatchObject({ status: 200, event: 'item.published', id: '42' })
  })

  it('should not pause the whole channel when one endpoint rate-limits', async () => {
    fake.script({ status: 429, retryAfter: '5' })
    await expect(
      adapter.deliver(message(), deliverContext(target, 'publish')),
    ).rejects.toMatchObject({ pauseChannel: false, retryAfterSeconds: 5 })
  })
})
