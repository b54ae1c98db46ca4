import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type Caller, type createApi } from '../helpers/api'
import { communicationsDesk } from '../helpers/communicationsDesk'
import { startTestHub, type TestHub } from '../helpers/testHub'

let hub: TestHub
let api: ReturnType<typeof createApi>
let comms: Caller
let department: number

async function image(colour: string, alt: string) {
  const data = await sharp({ create: { width: 40, height: 30, channels: 3, background: colour } })
    .jpeg()
    .toBuffer()
  return hub.payload.create({
    collection: 'media',
    data: { alt },
    file: {
      data,
      mimetype: 'image/jpeg',
      name: `${alt.replace(/\W+/g, '-')}.jpg`,
      size: data.length,
    },
  })
}

beforeAll(async () => {
  hub = await startTestHub()
  ;({ api, comms, department } = await communicationsDesk(hub.payload, 'Teknisk drift'))
})

afterAll(async () => {
  await hub?.cleanup()
})

describe('drafts of published items', () => {
  it('should show anonymous callers the published version, never a newer draft', async () => {
    const doc = await hub.payload.create({
      collection: 'news',
      data: { title: 'Offentlig tittel', department, _status: 'published' } as never,
    })
    await hub.payload.update({
      collection: 'news',
      id: doc.id,
      data: { title: 'Hemmelig utkast' },
      draft: true,
    })
    for (const query of ['', '?draft=true']) {
      const res = await api.rest<{ title: string }>('GET', `/news/${doc.id}${query}`)
      expect(res.status).toBe(200)
      expect(res.body.title).toBe('Offentlig tittel')
    }
    const versions = await api.rest('GET', `/news/versions?depth=0`)
    expect([401, 403]).toContain(versions.status)
    const staff = await api.rest<{ title: string }>('GET', `/news/${doc.id}?draft=true`, comms)
    expect(staff.body.title).toBe('Hemmelig utkast')
  })
})

describe('media files follow the items that use them', () => {
  it('should serve an image and its file anonymously only while a readable item uses it', async () => {
    const published = await image('#00507d', 'Brøytebil i Vikersund')
    const unpublished = await image('#aa0000', 'Utkast til plakat')
    const unused = await image('#00aa00', 'Ubrukt bilde')
    await hub.payload.create({
      collection: 'news',
      data: { title: 'Brøyting', department, image: published.id, _status: 'published' } as never,
    })
    await hub.payload.create({
      collection: 'news',
      data: { title: 'Plakat', department, image: unpublished.id, _status: 'draft' },
      draft: true,
    })
    const fetchFile = async (filename: string | null | undefined, caller?: Caller) => {
      const res = await api.rest('GET', `/media/file/${filename ?? ''}`, caller)
      return res.status
    }
    expect((await api.rest('GET', `/media/${published.id}`)).status).toBe(200)
    expect(await fetchFile(published.filename)).toBe(200)
    for (const hidden of [unpublished, unused]) {
      expect([403, 404]).toContain((await api.rest('GET', `/media/${hidden.id}`)).status)
      expect([403, 404]).toContain(await fetchFile(hidden.filename))
      expect(await fetchFile(hidden.filename, comms)).toBe(200)
    }
  })
})
