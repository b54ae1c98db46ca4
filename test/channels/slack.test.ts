import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { ChannelAdapter, Target } from '../../channels/contract'
import type { SlackMessage } from '../../channels/slack'
import { startSlackApi, type SlackApi } from '../fakes/slack-api'
import { runConformanceSuite } from './conformance'
import { deliverContext } from './fixtures'
import { adapterOver, newsTarget, renderSample } from './slackFixtures'

runConformanceSuite({
  name: 'slack',
  fake: () => startSlackApi(),
  makeAdapter: (fake, { timeoutMs }) => adapterOver(fake, { timeoutMs }),
})

describe('slack adapter: posting, editing and deleting', () => {
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

  const publish = (ctx = deliverContext(target, 'publish')) =>
    adapter.deliver(renderSample(adapter, target), ctx)

  it('should stamp the item id, collection, revision and delivery id into the message metadata', async () => {
    const ctx = deliverContext(target, 'publish')
    await publish(ctx)
    expect(fake.posts()[0]?.metadata).toEqual({
      event_type: 'hub_item',
      event_payload: {
        item_id: '42',
        item_collection: 'news',
        revision: 3,
        delivery_id: ctx.deliveryId,
      },
    })
  })

  it('should post to the news channel without unfurling links', async () => {
    await publish()
    expect(fake.calls('chat.postMessage')[0]?.params).toMatchObject({
      channel: 'C0NYHETER1',
      unfurl_links: 'false',
    })
  })

  it('should send the token as a bearer header and never in the arguments', async () => {
    await publish()
    const [post] = fake.calls('chat.postMessage')
    expect(post?.authentic).toBe(true)
    expect(JSON.stringify(post?.params)).not.toContain(fake.token)
  })

  it("should hand back the message's ts, its channel and Slack's permalink", async () => {
    const receipt = await publish()
    const [message] = fake.posts()
    expect(receipt).toMatchObject({
      externalId: message?.ts,
      detail: { channel: 'C0NYHETER1' },
      externalUrl: `https://modum-kommune.slack.com/archives/C0NYHETER1/p${message?.ts.replace('.', '')}`,
    })
  })

  it('should link to the archive URL when chat.getPermalink fails, not fail the delivery', async () => {
    fake.script({ method: 'chat.getPermalink', status: 500 })
    const receipt = await publish()
    const ts = fake.posts()[0]?.ts ?? ''
    expect(receipt.externalUrl).toBe(
      `https://slack.com/archives/C0NYHETER1/p${ts.replace('.', '')}`,
    )
  })

  it('should edit the message with chat.update when given the prior receipt, not post again', async () => {
    const receipt = await publish()
    const changed = renderSample(adapter, target, { title: 'Ny dato for åpningen', revision: 4 })
    await adapter.deliver(changed, deliverContext(target, 'update', { prior: receipt }))
    expect(fake.calls('chat.postMessage')).toHaveLength(1)
    expect(fake.calls('chat.update')[0]?.params).toMatchObject({
      channel: 'C0NYHETER1',
      ts: receipt.externalId,
    })
    expect(fake.posts()[0]?.edits).toBe(1)
    expect(fake.posts()[0]?.text).toContain('Ny dato')
  })

  it('should carry the new revision in the metadata of an edited message', async () => {
    const receipt = await publish()
    const changed = renderSample(adapter, target, { revision: 4 })
    await adapter.deliver(changed, deliverContext(target, 'update', { prior: receipt }))
    expect(fake.posts()[0]?.metadata?.event_payload).toMatchObject({ revision: 4 })
  })

  it('should post anew for an update whose publication never landed', async () => {
    await adapter.deliver(renderSample(adapter, target), deliverContext(target, 'update'))
    expect(fake.calls('chat.postMessage')).toHaveLength(1)
    expect(fake.calls('chat.update')).toHaveLength(0)
  })

  it('should fail permanently when the message to edit was deleted in Slack', async () => {
    const receipt = await publish()
    fake.script({ method: 'chat.update', error: 'message_not_found' })
    const update = adapter.deliver(
      renderSample(adapter, target),
      deliverContext(target, 'update', { prior: receipt }),
    )
    await expect(update).rejects.toMatchObject({ code: 'slack-message_not_found' })
    expect(fake.calls('chat.postMessage')).toHaveLength(1)
  })

  it('should delete the message with chat.delete on retract', async () => {
    const receipt = await publish()
    const done = await adapter.retract?.(receipt, deliverContext(target, 'retract'))
    expect(fake.calls('chat.delete')[0]?.params).toMatchObject({ ts: receipt.externalId })
    expect(fake.history('C0NYHETER1')).toEqual([])
    expect(done).toMatchObject({ detail: { deleted: 'deleted' } })
  })

  it('should count a message that is already gone as retracted', async () => {
    const receipt = await publish()
    fake.script({ method: 'chat.delete', error: 'message_not_found' })
    const done = await adapter.retract?.(receipt, deliverContext(target, 'retract'))
    expect(done).toMatchObject({ detail: { channel: 'C0NYHETER1', deleted: 'already-gone' } })
  })

  it('should fail permanently when a receipt names no message to delete', async () => {
    const retract = adapter.retract?.({ externalId: 'x' }, deliverContext(target, 'retract'))
    await expect(retract).rejects.toMatchObject({ code: 'receipt-incomplete' })
  })
})

describe('slack adapter: finding a message after an ambiguous failure', () => {
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

  /** What the outbox does on attempt 2 of a create: look first, post only when nothing is found. */
  async function retry(message: SlackMessage, ctx: ReturnType<typeof deliverContext<'publish'>>) {
    return (await adapter.find?.(message, ctx)) ?? adapter.deliver(message, ctx)
  }

  it('should find the message of a created-then-500 post, so the retry posts nothing', async () => {
    const message = renderSample(adapter, target)
    const ctx = deliverContext(target, 'publish')
    fake.setMode('created-then-500')
    await expect(adapter.deliver(message, ctx)).rejects.toMatchObject({ code: 'http-500' })
    fake.setMode('normal')
    const receipt = await retry(message, ctx)
    expect(fake.calls('chat.postMessage')).toHaveLength(1)
    expect(fake.duplicates()).toEqual({ deliveries: [], items: [] })
    expect(receipt).toMatchObject({ externalId: fake.posts()[0]?.ts, detail: { found: true } })
  })

  it('should find nothing when the failed post never reached Slack', async () => {
    const ctx = deliverContext(target, 'publish')
    expect(await adapter.find?.(renderSample(adapter, target), ctx)).toBeNull()
  })

  it("should not mistake another delivery's message for this one's", async () => {
    await adapter.deliver(renderSample(adapter, target), deliverContext(target, 'publish'))
    const other = deliverContext(target, 'publish')
    expect(await adapter.find?.(renderSample(adapter, target), other)).toBeNull()
  })

  it('should read history with all metadata, from just before the publication on', async () => {
    await adapter.find?.(renderSample(adapter, target), deliverContext(target, 'publish'))
    expect(fake.calls('conversations.history')[0]?.params).toMatchObject({
      channel: 'C0NYHETER1',
      include_all_metadata: 'true',
      limit: '200',
      oldest: `${Date.parse('2026-04-02T07:50:00.000Z') / 1000}.000000`,
    })
  })

  it('should page back through history past however many messages were posted since (up to 2000)', async () => {
    const message = renderSample(adapter, target)
    const ctx = deliverContext(target, 'publish')
    fake.setMode('created-then-500')
    await expect(adapter.deliver(message, ctx)).rejects.toThrow()
    fake.setMode('normal')
    // The crash test's backlog: hundreds of posts between a created-then-500 and its retry.
    for (let i = 0; i < 450; i++) fake.addMessage('C0NYHETER1', { text: `Prat ${i}` })
    const before = fake.calls('conversations.history').length
    const found = await adapter.find?.(message, ctx)
    expect(found?.externalId).toBe(fake.posts()[0]?.ts)
    expect(fake.calls('conversations.history').length - before).toBe(3)
  })

  it('should refuse to post, rather than risk a second message, when more than 2000 came since', async () => {
    const message = renderSample(adapter, target)
    fake.setMode('created-then-500')
    await expect(adapter.deliver(message, deliverContext(target, 'publish'))).rejects.toThrow()
    fake.setMode('normal')
    for (let i = 0; i < 2000; i++) fake.addMessage('C0NYHETER1', { text: `Prat ${i}` })
    const newer = deliverContext(target, 'publish')
    await expect(adapter.deliver(message, newer)).rejects.toMatchObject({
      name: 'PermanentDeliveryError',
      code: 'slack-lookup-incomplete',
    })
    expect(fake.calls('chat.postMessage')).toHaveLength(1)
  })

  it('should take over the message of a superseded delivery instead of posting a second', async () => {
    fake.setMode('created-then-500')
    const first = adapter.deliver(renderSample(adapter, target), deliverContext(target, 'publish'))
    await expect(first).rejects.toThrow()
    fake.setMode('normal')
    const newer = deliverContext(target, 'publish')
    const receipt = await adapter.deliver(renderSample(adapter, target, { revision: 4 }), newer)
    expect(fake.calls('chat.postMessage')).toHaveLength(1)
    expect(fake.posts()[0]?.metadata?.event_payload).toMatchObject({
      revision: 4,
      delivery_id: newer.deliveryId,
    })
    expect(receipt).toMatchObject({ externalId: fake.posts()[0]?.ts, detail: { found: true } })
  })

  it("should not take over another item's message", async () => {
    await adapter.deliver(renderSample(adapter, target), deliverContext(target, 'publish'))
    const other = renderSample(adapter, target, { id: '43' })
    await adapter.deliver(other, deliverContext(target, 'publish'))
    expect(fake.calls('chat.postMessage')).toHaveLength(2)
  })

  it('should post without reading history first when findBeforeCreate is off', async () => {
    const direct = adapterOver(fake, { findBeforeCreate: false })
    await direct.deliver(renderSample(direct, target), deliverContext(target, 'publish'))
    expect(fake.requests.map((r) => r.method)).toEqual(['chat.postMessage', 'chat.getPermalink'])
  })
})

describe('slack adapter: never twice under random created-then-500s', () => {
  let fake: SlackApi

  beforeEach(async () => {
    fake = await startSlackApi({ failureRate: 0.4, seed: 5, failureModes: ['created-then-500'] })
  })

  afterEach(async () => {
    await fake.close()
  })

  it('should leave exactly one message per item when every retry looks first, as the outbox does', async () => {
    const adapter = adapterOver(fake)
    const target = await newsTarget(adapter)
    for (let id = 1; id <= 12; id++) {
      const message = renderSample(adapter, target, { id: String(id) })
      const ctx = deliverContext(target, 'publish')
      for (let attempt = 1; ; attempt++) {
        try {
          const found = attempt > 1 ? await adapter.find?.(message, ctx) : null
          if (found ?? (await adapter.deliver(message, ctx))) break
        } catch {
          // transient: the next attempt looks before it posts
        }
      }
    }
    expect(fake.posts()).toHaveLength(12)
    expect(fake.duplicates()).toEqual({ deliveries: [], items: [] })
    expect(fake.requests.filter((r) => r.status === 500).length).toBeGreaterThan(0)
  })
})
