import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { ChannelAdapter, Target } from '../../channels/contract'
import { classifyError } from '../../channels/errors'
import type { FacebookMessage } from '../../channels/facebook'
import { runConformanceSuite } from './conformance'
import {
  adapterFor,
  pageTarget,
  photoItem,
  renderFor,
  startFacebookFake,
  type FacebookFake,
  warmUpHttp,
} from './facebookFake'
import { deliverContext, sampleItem } from './fixtures'

beforeAll(warmUpHttp)

runConformanceSuite({
  name: 'facebook',
  fake: () => startFacebookFake(),
  makeAdapter: (fake, { timeoutMs }) => adapterFor(fake.graph, { timeoutMs }),
})

describe('facebook adapter: posts, edits and deletes', () => {
  let fake: FacebookFake
  let adapter: ChannelAdapter<FacebookMessage>
  let target: Target

  beforeEach(async () => {
    fake = await startFacebookFake()
    adapter = adapterFor(fake.graph)
    target = await pageTarget(adapter)
  })

  afterEach(async () => {
    await fake.close()
  })

  const deliver = (
    message: FacebookMessage,
    prior?: Parameters<typeof adapter.deliver>[1]['prior'],
  ) => adapter.deliver(message, deliverContext(target, prior ? 'update' : 'publish', { prior }))

  it('should make a link post on /{page-id}/feed with the message and the item URL as link', async () => {
    await deliver(renderFor(adapter, target))
    const [post] = fake.graph.livePosts()
    expect(post).toMatchObject({ kind: 'link', link: sampleItem().url })
    expect(post?.message).toBe(renderFor(adapter, target).text)
    expect(fake.graph.requests.find((r) => r.method === 'POST')).toMatchObject({
      method: 'POST',
      path: `/${fake.graph.pageId}/feed`,
      version: 'v26.0',
    })
  })

  it('should make a photo post on /{page-id}/photos with the image URL, caption and alt text', async () => {
    await deliver(renderFor(adapter, target, photoItem()))
    const [post] = fake.graph.livePosts()
    expect(post).toMatchObject({
      kind: 'photo',
      photo: {
        url: 'https://hub.modum.kommune.no/media/social/vikersund-1200x630.jpg',
        alt: 'Anleggsmaskiner ved Vikersund skole',
      },
    })
    expect(post?.message).toMatch(/\n\nFoto: Kari Nordmann$/)
  })

  it('should hand back the post id (not the photo id) for a photo post', async () => {
    const receipt = await deliver(renderFor(adapter, target, photoItem()))
    const [post] = fake.graph.livePosts()
    expect(receipt.externalId).toBe(post?.id)
    expect(receipt.detail).toMatchObject({ kind: 'photo', photoId: post?.photo?.id })
  })

  it('should hand back the post id, a facebook.com link and the Page in the receipt', async () => {
    const receipt = await deliver(renderFor(adapter, target))
    const [post] = fake.graph.livePosts()
    expect(receipt).toMatchObject({
      externalId: post?.id,
      externalUrl: `https://www.facebook.com/${post?.id}`,
      detail: { pageId: fake.graph.pageId, kind: 'link', itemUrl: sampleItem().url },
    })
  })

  it('should edit the post in place on update, without a new post', async () => {
    const receipt = await deliver(renderFor(adapter, target))
    const changed = renderFor(adapter, target, sampleItem({ title: 'Ny gang- og sykkelvei åpnet' }))
    const again = await deliver(changed, receipt)
    expect(again.externalId).toBe(receipt.externalId)
    expect(fake.graph.posts).toHaveLength(1)
    expect(fake.graph.posts[0]?.messages).toEqual([renderFor(adapter, target).text, changed.text])
  })

  it('should ask Facebook to re-scrape the item URL after an edit', async () => {
    const receipt = await deliver(renderFor(adapter, target))
    const updated = await deliver(renderFor(adapter, target), receipt)
    expect(fake.graph.scrapes).toEqual([sampleItem().url])
    expect(updated.detail).toMatchObject({ rescraped: true })
  })

  it('should still count the edit as delivered when the re-scrape fails', async () => {
    const receipt = await deliver(renderFor(adapter, target))
    fake.graph.script.push({ pass: true }, { status: 500 })
    const updated = await deliver(renderFor(adapter, target), receipt)
    expect(updated.detail).toMatchObject({ rescraped: false })
  })

  it('should post, not edit, when the prior receipt is not a Facebook post (the demo sandbox)', async () => {
    const sandboxReceipt = { externalId: 'sandbox-dlv_7', detail: { revision: 3 } }
    const receipt = await deliver(renderFor(adapter, target), sandboxReceipt)
    expect(fake.graph.operations.map((op) => op.kind)).toEqual(['create'])
    expect(receipt.externalId).toBe(fake.graph.posts[0]?.id)
  })

  it('should fail an update permanently when the post was deleted on Facebook', async () => {
    const receipt = await deliver(renderFor(adapter, target))
    fake.graph.script.push({ mode: 'createdThen500' })
    await adapter.retract?.(receipt, deliverContext(target, 'retract')).catch(() => undefined)
    const failure = classifyError(
      await deliver(renderFor(adapter, target), receipt).catch((e: unknown) => e),
    )
    expect(failure).toMatchObject({ kind: 'permanent', code: 'facebook-post-missing' })
    expect(fake.graph.posts).toHaveLength(1)
  })

  it('should delete the post on retract', async () => {
    const receipt = await deliver(renderFor(adapter, target))
    const result = await adapter.retract?.(receipt, deliverContext(target, 'retract'))
    expect(fake.graph.livePosts()).toEqual([])
    expect(result?.detail).toMatchObject({ deleted: 'deleted' })
  })

  it('should count deleting a post that no longer exists as done', async () => {
    const receipt = await deliver(renderFor(adapter, target))
    await adapter.retract?.(receipt, deliverContext(target, 'retract'))
    const again = await adapter.retract?.(receipt, deliverContext(target, 'retract'))
    expect(again?.detail).toMatchObject({ deleted: 'already-gone' })
    expect(fake.graph.requests.at(-1)).toMatchObject({ status: 400, errorCode: 100 })
  })

  it('should refuse to retract with a receipt that names no post', async () => {
    const failure = classifyError(
      await adapter
        .retract?.({ detail: {} }, deliverContext(target, 'retract'))
        .catch((e: unknown) => e),
    )
    expect(failure).toMatchObject({ kind: 'permanent', code: 'receipt-incomplete' })
  })
})
