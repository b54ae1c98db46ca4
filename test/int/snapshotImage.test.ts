import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { ChannelItem } from '../../channels/contract'
import { createRegistry } from '../../channels/registry'
import { sandboxAdapter } from '../../channels/sandbox/sandboxAdapter'
import { setActiveRegistry } from '../../src/outbox/activeRegistry'
import type { Caller, createApi } from '../helpers/api'
import { communicationsDesk } from '../helpers/communicationsDesk'
import { formData, png16Bit } from '../helpers/mediaFixtures'
import { newsPublisher } from '../helpers/newsPublisher'
import { startTestHub, type TestHub } from '../helpers/testHub'

let hub: TestHub
let api: ReturnType<typeof createApi>
let comms: Caller
let publishNews: ReturnType<typeof newsPublisher>

beforeAll(async () => {
  hub = await startTestHub()
  let department: number
  ;({ api, comms, department } = await communicationsDesk(hub.payload, 'Kultur'))
  publishNews = newsPublisher(hub.payload, department, 'Ny kunstgressbane på Vikersund')
  const website = sandboxAdapter({
    name: 'website',
    targets: [{ id: 'sandbox', name: 'Sandkasse', public: true }],
  })
  setActiveRegistry(createRegistry([website], {}))
})

afterAll(async () => {
  setActiveRegistry(undefined)
  await hub?.cleanup()
})

async function snapshotOf(item: { uid?: string | null }): Promise<ChannelItem> {
  const { docs } = await hub.payload.find({
    collection: 'deliveries',
    where: { itemUid: { equals: item.uid } },
    depth: 0,
  })
  const snapshot = docs[0]?.snapshot
  if (!snapshot) throw new Error('no delivery enqueued')
  return snapshot as unknown as ChannelItem
}

describe('the image in a delivery snapshot', () => {
  it('should carry the photo renditions with alt text and credit', async () => {
    const upload = await api.rest<{ doc: { id: number } }>(
      'POST',
      '/media',
      comms,
      formData(await png16Bit(), { alt: 'Banen sett fra tribunen', credit: 'Foto: Kari Holm' }),
    )
    expect(upload.status).toBe(201)
    const snapshot = await snapshotOf(await publishNews({ image: upload.body.doc.id }))
    expect(snapshot.image).toMatchObject({
      alt: 'Banen sett fra tribunen',
      credit: 'Foto: Kari Holm',
    })
    const social = snapshot.image?.renditions.find((r) => r.preset === 'social')
    expect(social).toMatchObject({ width: 1200, height: 630 })
    expect(social?.url).toMatch(/^https?:\/\//)
  })

  it('should carry the brand social card for an item without a photo', async () => {
    const snapshot = await snapshotOf(await publishNews())
    expect(snapshot.image).toMatchObject({ generated: true, alt: 'Ny kunstgressbane på Vikersund' })
    expect(snapshot.image?.renditions.map((r) => r.preset)).toContain('social')
  })
})
