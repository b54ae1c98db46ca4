import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { startSlackApi, type SlackApi } from '../fakes/slack-api'

type Message = { text: string; metadata?: { event_payload: Record<string, unknown> } }
type Body = {
  ok: boolean
  error?: string
  errors?: string[]
  ts?: string
  messages?: Message[]
  has_more?: boolean
  response_metadata?: { next_cursor?: string }
}

/** The fake's own protocol, checked with plain fetch so the adapter's habits do not hide gaps. */
describe('fake Slack Web API: protocol', () => {
  let fake: SlackApi

  beforeEach(async () => {
    fake = await startSlackApi()
  })

  afterEach(async () => {
    await fake.close()
  })

  async function form(method: string, args: Record<string, string>, token = fake.token) {
    const response = await fetch(`${fake.url}${method}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams(args).toString(),
    })
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as Body,
    }
  }

  const post = (args: Record<string, string> = {}) =>
    form('chat.postMessage', { channel: 'C0NYHETER1', text: 'Hei', ...args })

  const metadata = (deliveryId: string) =>
    JSON.stringify({
      event_type: 'hub_item',
      event_payload: { item_id: '1', delivery_id: deliveryId },
    })

  it('should answer a platform error with HTTP 200 and ok:false', async () => {
    expect(await post({ channel: 'C0FINNESIKKE' })).toMatchObject({
      status: 200,
      body: { ok: false, error: 'channel_not_found' },
    })
  })

  it('should answer a wrong token with invalid_auth and a missing one with not_authed', async () => {
    expect((await form('auth.test', {}, 'xoxb-wrong')).body.error).toBe('invalid_auth')
    const anonymous = await fetch(`${fake.url}auth.test`, { method: 'POST' })
    expect(await anonymous.json()).toEqual({ ok: false, error: 'not_authed' })
  })

  it('should answer a rate limit with HTTP 429 and Retry-After', async () => {
    fake.setMode('rate-limited')
    const answer = await post()
    expect(answer.status).toBe(429)
    expect(answer.headers.get('retry-after')).toBe('1')
    expect(answer.body).toEqual({ ok: false, error: 'ratelimited' })
  })

  it('should take a JSON body with the token in the Authorization header', async () => {
    const response = await fetch(`${fake.url}chat.postMessage`, {
      method: 'POST',
      headers: { authorization: `Bearer ${fake.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        channel: 'C0NYHETER1',
        text: 'Hei',
        metadata: JSON.parse(metadata('d1')) as unknown,
      }),
    })
    expect(await response.json()).toMatchObject({ ok: true, channel: 'C0NYHETER1' })
    expect(fake.posts()[0]?.metadata?.event_payload).toMatchObject({ delivery_id: 'd1' })
  })

  it('should leave metadata out of history unless include_all_metadata is true', async () => {
    await post({ metadata: metadata('d1') })
    const plain = await form('conversations.history', { channel: 'C0NYHETER1' })
    const full = await form('conversations.history', {
      channel: 'C0NYHETER1',
      include_all_metadata: 'true',
    })
    expect(plain.body.messages?.[0]).not.toHaveProperty('metadata')
    expect(full.body.messages?.[0]?.metadata?.event_payload.delivery_id).toBe('d1')
  })

  it('should page history newest first with an opaque next_cursor', async () => {
    for (const text of ['en', 'to', 'tre']) await post({ text })
    const first = await form('conversations.history', { channel: 'C0NYHETER1', limit: '2' })
    const cursor = first.body.response_metadata?.next_cursor ?? ''
    const second = await form('conversations.history', { channel: 'C0NYHETER1', cursor })
    expect(first.body.messages?.map((m) => m.text)).toEqual(['tre', 'to'])
    expect(first.body.has_more).toBe(true)
    expect(second.body.messages?.map((m) => m.text)).toEqual(['en'])
    expect(second.body.has_more).toBe(false)
  })

  it('should refuse a header over 150 characters with invalid_blocks and where', async () => {
    const blocks = JSON.stringify([
      { type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } },
    ])
    expect((await post({ blocks })).body).toMatchObject({
      ok: false,
      error: 'invalid_blocks',
      errors: ['must be less than 151 characters [json-pointer:/blocks/0/text/text]'],
    })
  })

  it('should refuse an image block without alt text', async () => {
    const blocks = JSON.stringify([{ type: 'image', image_url: 'https://x.test/a.png' }])
    expect((await post({ blocks })).body.errors?.[0]).toContain('alt_text')
  })

  it('should keep the metadata of a message edited without new metadata', async () => {
    const { body } = await post({ metadata: metadata('d1') })
    await form('chat.update', { channel: 'C0NYHETER1', ts: body.ts ?? '', text: 'Endret' })
    expect(fake.posts()[0]).toMatchObject({ text: 'Endret', edits: 1 })
    expect(fake.posts()[0]?.metadata?.event_payload).toMatchObject({ delivery_id: 'd1' })
  })

  it('should answer message_not_found for a deleted message', async () => {
    const { body } = await post()
    await form('chat.delete', { channel: 'C0NYHETER1', ts: body.ts ?? '' })
    const again = await form('chat.delete', { channel: 'C0NYHETER1', ts: body.ts ?? '' })
    expect(again.body).toEqual({ ok: false, error: 'message_not_found' })
  })

  it('should store the message and still answer 500 in created-then-500 mode', async () => {
    fake.setMode('created-then-500')
    expect((await post()).status).toBe(500)
    expect(fake.posts()).toHaveLength(1)
  })

  it('should count one delivery posted twice as a duplicate', async () => {
    await post({ metadata: metadata('d1') })
    await post({ metadata: metadata('d1') })
    expect(fake.duplicates()).toEqual({ deliveries: ['d1'], items: ['C0NYHETER1::1'] })
  })

  it('should close while a request hangs in timeout mode', async () => {
    fake.setMode('timeout')
    const hung = post().catch((err: unknown) => err)
    await fake.waitForCalls(1)
    await fake.close()
    expect(await hung).toBeInstanceOf(Error)
  })

  it('should fail a seeded share of posts at random, storing each one first', async () => {
    fake.configure({ failureRate: 0.5, seed: 7 })
    const statuses: number[] = []
    for (let i = 0; i < 20; i++) statuses.push((await post({ text: `Sak ${i}` })).status)
    expect(statuses.filter((s) => s === 500).length).toBeGreaterThan(0)
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0)
    expect(fake.posts()).toHaveLength(20)
  })

  it('should fail one message at most maxFailuresPerMessage times, then carry it out', async () => {
    fake.configure({ failureRate: 1, maxFailuresPerMessage: 2 })
    const statuses: number[] = []
    for (let i = 0; i < 4; i++) statuses.push((await post({ metadata: metadata('dlv_1') })).status)
    expect(statuses).toEqual([500, 500, 200, 200])
    expect((await post({ metadata: metadata('dlv_2').replace('"1"', '"2"') })).status).toBe(500)
  })

  it('should fail the same calls again for the same seed', async () => {
    const run = async (api: SlackApi) => {
      api.configure({ failureRate: 0.3, seed: 11, failureModes: ['error-500', 'rate-limited'] })
      const statuses: number[] = []
      for (let i = 0; i < 10; i++) {
        const response = await fetch(`${api.url}chat.postMessage`, {
          method: 'POST',
          headers: { authorization: `Bearer ${api.token}` },
          body: new URLSearchParams({ channel: 'C0NYHETER1', text: 'x' }),
        })
        statuses.push(response.status)
        await response.body?.cancel()
      }
      return statuses
    }
    const other = await startSlackApi()
    try {
      expect(await run(fake)).toEqual(await run(other))
    } finally {
      await other.close()
    }
  })
})
