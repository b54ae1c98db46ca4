import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { Audience } from '../../channels/contract'
import type { EndpointAudience, WebsiteEndpoint } from '../../channels/website'
import { deliverContext, PUBLIC_URL, RENDER_NOW, sampleItem } from './fixtures'
import { adapterOver, testEndpoint } from './websiteEndpoint'
import { startWebsiteFake, type WebsiteFake } from './websiteFake'

let fake: WebsiteFake

beforeEach(async () => {
  fake = await startWebsiteFake()
})

afterEach(async () => {
  await fake.close()
})

function endpoint(overrides: Partial<WebsiteEndpoint> = {}): WebsiteEndpoint {
  return testEndpoint(fake.receiver.url, fake.secret, overrides)
}

async function firstTarget(
  endpoints: WebsiteEndpoint[],
  options: { endpointMaxAgeMs?: number } = {},
) {
  const adapter = adapterOver(endpoints, options)
  const [target] = await adapter.targets()
  if (!target) throw new Error('no target')
  const message = adapter.render(sampleItem(), { target, now: RENDER_NOW, publicUrl: PUBLIC_URL })
  return { adapter, target, message }
}

describe('website adapter: targets and audiences', () => {
  it('should offer only enabled endpoints as targets', async () => {
    const adapter = adapterOver([endpoint({ id: '1' }), endpoint({ id: '2', enabled: false })])
    expect((await adapter.targets()).map((t) => t.id)).toEqual(['1'])
  })

  it.each<[EndpointAudience[], boolean]>([
    [['public'], true],
    [['internal'], false],
    [['public', 'internal'], false],
  ])('should count an endpoint for %j as public=%s', async (audiences, isPublic) => {
    const { target } = await firstTarget([endpoint({ audiences })])
    expect(target.public).toBe(isPublic)
  })

  it.each<[EndpointAudience[], Audience, boolean]>([
    [['public'], 'public', true],
    [['public'], 'both', true],
    [['public'], 'internal', false],
    [['internal'], 'public', false],
    [['internal'], 'both', true],
    [['internal'], 'internal', true],
    [['public', 'internal'], 'internal', true],
  ])('should let an endpoint for %j accept a %s item: %s', async (audiences, audience, ok) => {
    const { adapter, target } = await firstTarget([endpoint({ audiences })])
    expect(adapter.accepts(sampleItem({ audience }), target) === true).toBe(ok)
  })

  it('should refuse an internal item for a public endpoint with a reason', async () => {
    const { adapter, target } = await firstTarget([endpoint()])
    expect(adapter.accepts(sampleItem({ audience: 'internal' }), target)).toBe(
      'Intern sak – mottakeren er offentlig',
    )
  })

  it('should refuse items for an endpoint that subscribes only to retractions', async () => {
    const { adapter, target } = await firstTarget([endpoint({ events: ['item.retracted'] })])
    expect(adapter.accepts(sampleItem(), target)).toEqual(expect.any(String))
  })

  it('should refuse a target it has not listed', () => {
    const adapter = adapterOver([endpoint()])
    expect(adapter.accepts(sampleItem(), { id: '999', public: true })).toBe('Ukjent mottaker')
  })
})

/** Endpoints read again at every delivery, so a change right after `targets()` is seen. */
const READ_EVERY_TIME = { endpointMaxAgeMs: 0 }

describe('website adapter: endpoint reads', () => {
  it('should deliver to the endpoints targets() just listed without reading them again', async () => {
    const endpoints = [endpoint()]
    let reads = 0
    const adapter = adapterOver(endpoints, {
      loadEndpoints: () => {
        reads++
        return Promise.resolve([...endpoints])
      },
    })
    const [target] = await adapter.targets()
    if (!target) throw new Error('no target')
    const message = adapter.render(sampleItem(), { target, now: RENDER_NOW, publicUrl: PUBLIC_URL })
    await adapter.deliver(message, deliverContext(target, 'publish'))
    expect(reads).toBe(1)
  })

  it('should read the endpoint again when the listed one is older than the allowed age', async () => {
    const endpoints = [endpoint()]
    let reads = 0
    const adapter = adapterOver(endpoints, {
      ...READ_EVERY_TIME,
      loadEndpoints: () => {
        reads++
        return Promise.resolve([...endpoints])
      },
    })
    const [target] = await adapter.targets()
    if (!target) throw new Error('no target')
    const message = adapter.render(sampleItem(), { target, now: RENDER_NOW, publicUrl: PUBLIC_URL })
    await adapter.deliver(message, deliverContext(target, 'publish'))
    expect(reads).toBe(2)
  })
})

describe('website adapter: subscriptions and unusable endpoints', () => {
  it('should send nothing for an update the endpoint does not subscribe to', async () => {
    const { adapter, target, message } = await firstTarget([
      endpoint({ events: ['item.published'] }),
    ])
    const prior = await adapter.deliver(message, deliverContext(target, 'publish'))
    const receipt = await adapter.deliver(message, deliverContext(target, 'update', { prior }))
    expect(fake.requestCount()).toBe(1)
    expect(receipt.detail).toMatchObject({ skipped: true, event: 'item.updated' })
  })

  it('should send no retraction to an endpoint that does not subscribe to them', async () => {
    const { adapter, target, message } = await firstTarget([
      endpoint({ events: ['item.published', 'item.updated'] }),
    ])
    const receipt = await adapter.deliver(message, deliverContext(target, 'publish'))
    await adapter.retract?.(receipt, deliverContext(target, 'retract'))
    expect(fake.requestCount()).toBe(1)
  })

  it('should fail permanently for an endpoint disabled since the targets were listed', async () => {
    const endpoints = [endpoint()]
    const { adapter, target, message } = await firstTarget(endpoints, READ_EVERY_TIME)
    endpoints[0] = endpoint({ enabled: false })
    await expect(adapter.deliver(message, deliverContext(target, 'publish'))).rejects.toMatchObject(
      { code: 'endpoint-disabled' },
    )
  })

  it('should fail permanently for an endpoint deleted since the targets were listed', async () => {
    const endpoints = [endpoint()]
    const { adapter, target, message } = await firstTarget(endpoints, READ_EVERY_TIME)
    endpoints.length = 0
    await expect(adapter.deliver(message, deliverContext(target, 'publish'))).rejects.toMatchObject(
      { code: 'endpoint-missing' },
    )
  })

  it('should count a retraction at a deleted endpoint as done', async () => {
    const endpoints = [endpoint()]
    const { adapter, target, message } = await firstTarget(endpoints, READ_EVERY_TIME)
    const receipt = await adapter.deliver(message, deliverContext(target, 'publish'))
    endpoints.length = 0
    await expect(
      adapter.retract?.(receipt, deliverContext(target, 'retract')),
    ).resolves.toBeDefined()
    expect(fake.requestCount()).toBe(1)
  })

  it('should refuse a private address at delivery when the override is off', async () => {
    const adapter = adapterOver([endpoint()], { allowPrivateAddresses: () => false })
    const [target] = (await adapter.targets()) as [{ id: string; public: boolean }]
    const message = adapter.render(sampleItem(), { target, now: RENDER_NOW, publicUrl: PUBLIC_URL })
    await expect(adapter.deliver(message, deliverContext(target, 'publish'))).rejects.toMatchObject(
      { code: 'endpoint-url-refused' },
    )
    expect(fake.requestCount()).toBe(0)
  })

  it('should report a malformed WEBHOOK_ALLOW_PRIVATE at boot', () => {
    const adapter = adapterOver([])
    expect(adapter.validate?.({ WEBHOOK_ALLOW_PRIVATE: 'yes' })).toEqual([
      'WEBHOOK_ALLOW_PRIVATE must be true or false (got "yes")',
    ])
  })
})
