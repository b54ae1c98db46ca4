import { request as httpRequest, Agent } from 'node:http'

import { afterEach, describe, expect, it, vi } from 'vitest'

import {
  generateTestSecret,
  signForTest,
  startWebsiteReceiver,
  type WebsiteReceiver,
  type WebsiteReceiverOptions,
} from '../../fakes/website-receiver'

const started: WebsiteReceiver[] = []

afterEach(async () => {
  await Promise.all(started.splice(0).map((r) => r.close()))
})

async function start(options: WebsiteReceiverOptions): Promise<WebsiteReceiver> {
  const receiver = await startWebsiteReceiver(options)
  started.push(receiver)
  return receiver
}

const now = () => new Date()

function event(type = 'article.published', data: unknown = { id: 'a1' }): string {
  return JSON.stringify({ type, timestamp: new Date().toISOString(), data })
}

async function deliver(
  receiver: WebsiteReceiver,
  secret: string | string[],
  id: string,
  body = event(),
  init: { signal?: AbortSignal; timestamp?: Date; path?: string } = {},
): Promise<Response> {
  return fetch(`${receiver.url}${init.path ?? '/hooks/hub'}`, {
    method: 'POST',
    headers: { ...signForTest(secret, id, init.timestamp ?? now(), body) },
    body,
    signal: init.signal,
  })
}

describe('website webhook receiver fake', () => {
  it('should answer 200 with JSON and record a correctly signed delivery as verified', async () => {
    const secret = generateTestSecret()
    const receiver = await start({ secrets: secret })

    const res = await deliver(receiver, secret, 'msg_1', event('article.published'), {
      path: '/api/webhooks',
    })

    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(await res.json()).toEqual({ ok: true })
    expect(receiver.requests).toHaveLength(1)
    expect(receiver.requests[0]).toMatchObject({
      method: 'POST',
      path: '/api/webhooks',
      verified: true,
      secretIndex: 0,
      webhookId: 'msg_1',
      eventType: 'article.published',
      accepted: true,
      status: 200,
      body: { type: 'article.published', data: { id: 'a1' } },
    })
    expect(receiver.requests[0]?.receivedAt).toBeInstanceOf(Date)
  })

  it('should reject a delivery signed with the wrong secret with 401 and a JSON error', async () => {
    const receiver = await start({ secrets: generateTestSecret() })

    const res = await deliver(receiver, generateTestSecret(), 'msg_1')

    expect(res.status).toBe(401)
    expect(await res.json()).toEqual({
      error: 'invalid_signature',
      message: 'No matching signature found',
    })
    expect(receiver.requests[0]).toMatchObject({ verified: false, secretIndex: null, status: 401 })
  })

  it('should reject a request without signature headers with 401', async () => {
    const receiver = await start({ secrets: generateTestSecret() })

    const res = await fetch(receiver.url, { method: 'POST', body: event() })

    expect(res.status).toBe(401)
    expect(await res.json()).toMatchObject({ message: 'Missing required headers' })
  })

  it('should reject a timestamp older than the library tolerance of five minutes', async () => {
    const secret = generateTestSecret()
    const receiver = await start({ secrets: secret })

    const res = await deliver(receiver, secret, 'msg_1', event(), {
      timestamp: new Date(Date.now() - 6 * 60_000),
    })

    expect(res.status).toBe(401)
    expect(await res.json()).toMatchObject({ message: 'Message timestamp too old' })
  })

  it('should judge timestamps by Date.now so a test can move the clock with fake timers', async () => {
    const secret = generateTestSecret()
    const receiver = await start({ secrets: secret })
    const signedAt = new Date()
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      vi.setSystemTime(signedAt.getTime() + 10 * 60_000)
      const res = await deliver(receiver, secret, 'msg_1', event(), { timestamp: signedAt })

      expect(res.status).toBe(401)
    } finally {
      vi.useRealTimers()
    }
  })

  it('should accept a rotation delivery signed with old and new secrets when it knows only the new one', async () => {
    const [oldSecret, newSecret] = [generateTestSecret(), generateTestSecret()]
    const receiver = await start({ secrets: newSecret })

    const res = await deliver(receiver, [oldSecret, newSecret], 'msg_1')

    expect(res.status).toBe(200)
    expect(String(receiver.requests[0]?.headers['webhook-signature']).split(' ')).toHaveLength(2)
  })

  it('should record which of several configured secrets verified', async () => {
    const [first, second] = [generateTestSecret(), generateTestSecret()]
    const receiver = await start({ secrets: [first, second] })

    const res = await deliver(receiver, second, 'msg_1')

    expect(res.status).toBe(200)
    expect(receiver.requests[0]?.secretIndex).toBe(1)
  })

  it('should send Retry-After with a scripted 429', async () => {
    const secret = generateTestSecret()
    const receiver = await start({ secrets: secret })
    receiver.script.push({ status: 429, retryAfter: '2' })

    const res = await deliver(receiver, secret, 'msg_1')

    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).toBe('2')
  })

  it('should play scripted responses in order and then fall back to 200', async () => {
    const secret = generateTestSecret()
    const receiver = await start({ secrets: secret })
    receiver.script.push({ status: 500 }, { status: 410 })

    const statuses: number[] = []
    for (const id of ['a', 'b', 'c']) statuses.push((await deliver(receiver, secret, id)).status)

    expect(statuses).toEqual([500, 410, 200])
  })

  it('should hang a scripted timeout until the client aborts', async () => {
    const secret = generateTestSecret()
    const receiver = await start({ secrets: secret })
    receiver.script.push({ timeout: true })

    const attempt = deliver(receiver, secret, 'msg_1', event(), {
      signal: AbortSignal.timeout(200),
    })

    await expect(attempt).rejects.toMatchObject({ name: 'TimeoutError' })
    expect(receiver.requests[0]).toMatchObject({ verified: true, status: null })
  })

  it('should end hung requests when closed', async () => {
    const secret = generateTestSecret()
    const receiver = await start({ secrets: secret })
    receiver.script.push({ timeout: true })
    const attempt = deliver(receiver, secret, 'msg_1')
    await receiver.waitForRequests(1)

    await receiver.close()

    await expect(attempt).rejects.toThrow()
  })

  it('should record a created-then-500 delivery as accepted but answer 500', async () => {
    const secret = generateTestSecret()
    const receiver = await start({ secrets: secret })
    receiver.script.push({ status: 200, thenFail: true })

    const res = await deliver(receiver, secret, 'msg_1')

    expect(res.status).toBe(500)
    expect(receiver.requests[0]).toMatchObject({ verified: true, accepted: true, status: 500 })
    expect(receiver.acceptedCountFor('msg_1')).toBe(1)
  })

  it('should fail deterministically for the same seed', async () => {
    const secret = generateTestSecret()
    const options: WebsiteReceiverOptions = {
      secrets: secret,
      failureRate: 0.5,
      seed: 42,
      failureWeights: { error500: 1, rateLimited: 1, createdThen500: 1 },
    }
    const outcomes = async (receiver: WebsiteReceiver) => {
      for (let i = 0; i < 12; i++) await deliver(receiver, secret, `msg_${i}`)
      return receiver.requests.map((r) => `${r.outcome}:${r.status}`)
    }

    const first = await outcomes(await start(options))
    const second = await outcomes(await start(options))

    expect(second).toEqual(first)
    expect(new Set(first).size).toBeGreaterThan(1)
  })

  it('should stop failing a webhook-id after maxFailuresPerId random failures', async () => {
    const secret = generateTestSecret()
    const receiver = await start({
      secrets: secret,
      failureRate: 1,
      failureWeights: { error500: 1 },
      maxFailuresPerId: 2,
    })

    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push((await deliver(receiver, secret, 'msg_1')).status)
    statuses.push((await deliver(receiver, secret, 'msg_2')).status)

    expect(statuses).toEqual([500, 500, 200, 200, 500])
  })

  it('should count retries of the same webhook-id as one logical delivery', async () => {
    const secret = generateTestSecret()
    const receiver = await start({ secrets: secret })
    receiver.script.push({ status: 500 }, { status: 429, retryAfter: '1' })

    for (const id of ['msg_1', 'msg_1', 'msg_1', 'msg_2']) await deliver(receiver, secret, id)

    expect(receiver.uniqueIds()).toEqual(['msg_1', 'msg_2'])
    expect(receiver.attemptsFor('msg_1')).toBe(3)
    expect(receiver.attemptsFor('msg_2')).toBe(1)
  })

  it('should group logical deliveries by event type', async () => {
    const secret = generateTestSecret()
    const receiver = await start({ secrets: secret })

    await deliver(receiver, secret, 'msg_1', event('article.published'))
    await deliver(receiver, secret, 'msg_1', event('article.published'))
    await deliver(receiver, secret, 'msg_2', event('article.unpublished'))

    expect(receiver.deliveriesByType()).toEqual({
      'article.published': ['msg_1'],
      'article.unpublished': ['msg_2'],
    })
  })

  it('should answer 413 to a body over 1 MiB', async () => {
    const secret = generateTestSecret()
    const receiver = await start({ secrets: secret })
    const body = JSON.stringify({ type: 'big', data: 'x'.repeat(1024 * 1024) })

    const res = await deliver(receiver, secret, 'msg_1', body)

    expect(res.status).toBe(413)
    expect(await res.json()).toMatchObject({ error: 'payload_too_large' })
  })

  it('should answer 400 to a correctly signed body that is not JSON', async () => {
    const secret = generateTestSecret()
    const receiver = await start({ secrets: secret })

    const res = await deliver(receiver, secret, 'msg_1', 'not json')

    expect(res.status).toBe(400)
    expect(receiver.requests[0]).toMatchObject({ verified: true, accepted: false })
  })

  it('should answer 405 to methods other than POST', async () => {
    const receiver = await start({ secrets: generateTestSecret() })

    const res = await fetch(receiver.url)

    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toBe('POST')
  })

  it('should answer 204 without a body when configured', async () => {
    const secret = generateTestSecret()
    const receiver = await start({ secrets: secret, successStatus: 204 })

    const res = await deliver(receiver, secret, 'msg_1')

    expect(res.status).toBe(204)
    expect(await res.text()).toBe('')
  })

  it('should keep the connection alive between requests', async () => {
    const secret = generateTestSecret()
    const receiver = await start({ secrets: secret })
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    const post = (id: string) =>
      new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
        const body = event()
        const req = httpRequest(
          `${receiver.url}/hooks`,
          { method: 'POST', agent, headers: signForTest(secret, id, now(), body) },
          (res) => {
            res.resume()
            res.on('end', () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }))
          },
        )
        req.on('error', reject)
        req.end(body)
      })

    const first = await post('msg_1')
    const second = await post('msg_2')
    agent.destroy()

    expect([first, second]).toEqual([
      { status: 200, reused: false },
      { status: 200, reused: true },
    ])
  })

  it('should delay one answer without blocking another', async () => {
    const secret = generateTestSecret()
    const receiver = await start({ secrets: secret })
    receiver.script.push({ status: 200, delayMs: 150 })
    const order: string[] = []

    const slow = deliver(receiver, secret, 'slow').then(() => order.push('slow'))
    await receiver.waitForRequests(1)
    await deliver(receiver, secret, 'fast').then(() => order.push('fast'))
    await slow

    expect(order).toEqual(['fast', 'slow'])
  })

  it('should forget requests and script on reset', async () => {
    const secret = generateTestSecret()
    const receiver = await start({ secrets: secret })
    receiver.script.push({ status: 500 }, { status: 500 })
    await deliver(receiver, secret, 'msg_1')

    receiver.reset()
    const res = await deliver(receiver, secret, 'msg_2')

    expect(res.status).toBe(200)
    expect(receiver.uniqueIds()).toEqual(['msg_2'])
  })
})
