import { afterEach, describe, expect, it } from 'vitest'

import type { WebsiteEndpoint } from '../../channels/website'
import {
  generateTestSecret,
  startWebsiteReceiver,
  type WebsiteReceiver,
} from '../fakes/website-receiver'
import { adapterOver, deliverSample, testEndpoint } from './websiteEndpoint'

const HOUR = 60 * 60 * 1000
const OLD = generateTestSecret()
const NEW = generateTestSecret()

const receivers: WebsiteReceiver[] = []

afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()))
})

/** A receiver that knows only `secret`, and an endpoint to it mid-rotation from OLD to NEW. */
async function rotatedEndpointTo(secret: string, previousValidFor: number) {
  const receiver = await startWebsiteReceiver({ secrets: [secret] })
  receivers.push(receiver)
  const endpoint: WebsiteEndpoint = testEndpoint(receiver.url, NEW, {
    previousSecret: { secret: OLD, expiresAt: new Date(Date.now() + previousValidFor) },
  })
  return { receiver, endpoint }
}

function deliverTo(endpoint: WebsiteEndpoint) {
  return deliverSample(adapterOver([endpoint]))
}

describe('website adapter: secret rotation', () => {
  it('should sign with both secrets while the previous one is valid', async () => {
    const { receiver, endpoint } = await rotatedEndpointTo(NEW, 23 * HOUR)
    await deliverTo(endpoint)
    const signature = String(receiver.requests[0]?.headers['webhook-signature'])
    expect(signature.split(' ')).toHaveLength(2)
  })

  it('should be accepted by a receiver that knows only the new secret', async () => {
    const { receiver, endpoint } = await rotatedEndpointTo(NEW, 23 * HOUR)
    await deliverTo(endpoint)
    expect(receiver.requests[0]?.verified).toBe(true)
  })

  it('should be accepted by a receiver that still knows only the old secret', async () => {
    const { receiver, endpoint } = await rotatedEndpointTo(OLD, 23 * HOUR)
    await deliverTo(endpoint)
    expect(receiver.requests[0]?.verified).toBe(true)
  })

  it('should stop signing with the previous secret once it has expired', async () => {
    const { receiver, endpoint } = await rotatedEndpointTo(OLD, -1)
    await expect(deliverTo(endpoint)).rejects.toMatchObject({ statusCode: 401 })
    expect(String(receiver.requests[0]?.headers['webhook-signature']).split(' ')).toHaveLength(1)
  })

  it('should refuse to send when no secret can be read', async () => {
    const { receiver, endpoint } = await rotatedEndpointTo(NEW, -1)
    await expect(deliverTo({ ...endpoint, secret: null })).rejects.toMatchObject({
      code: 'secret-unreadable',
    })
    expect(receiver.requests).toHaveLength(0)
  })
})
