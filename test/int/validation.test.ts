import fs from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { mediaDir } from '../../src/config/env'
import { type Caller, type createApi } from '../helpers/api'
import { communicationsDesk } from '../helpers/communicationsDesk'
import { startTestHub, type TestHub } from '../helpers/testHub'

let hub: TestHub
let api: ReturnType<typeof createApi>
let comms: Caller
let department: number

type ErrorBody = {
  errors?: { message: string; data?: { errors?: { path: string; message: string }[] } }[]
}

function fieldsNamed(body: unknown): string[] {
  return ((body as ErrorBody).errors ?? []).flatMap((e) =>
    (e.data?.errors ?? []).map((f) => f.path),
  )
}

async function count(collection: 'news' | 'events' | 'media'): Promise<number> {
  return (await hub.payload.count({ collection })).totalDocs
}

const DAY = 86_400_000

beforeAll(async () => {
  hub = await startTestHub()
  ;({ api, comms, department } = await communicationsDesk(hub.payload, 'Kultur'))
})

afterAll(async () => {
  await hub?.cleanup()
})

describe('validation', () => {
  it('should refuse an image without alt text with 400 naming alt, leaving no document and no file', async () => {
    const png = await sharp({
      create: { width: 32, height: 32, channels: 3, background: '#00507d' },
    })
      .png()
      .toBuffer()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'uten-alt.png')
    form.append('_payload', JSON.stringify({ credit: 'Modum kommune' }))
    const before = await count('media')
    const res = await api.rest('POST', '/media', comms, form)
    expect(res.status).toBe(400)
    expect(fieldsNamed(res.body)).toContain('alt')
    expect(await count('media')).toBe(before)
    const files = await fs.readdir(mediaDir()).catch(() => [] as string[])
    expect(files.filter((f) => f.startsWith('uten-alt'))).toEqual([])
  })

  it('should accept a decorative image without alt text', async () => {
    const png = await sharp({
      create: { width: 32, height: 32, channels: 3, background: '#f2b705' },
    })
      .png()
      .toBuffer()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'pynt.png')
    form.append('_payload', JSON.stringify({ decorative: true }))
    const res = await api.rest<{ doc: { filename: string } }>('POST', '/media', comms, form)
    expect(res.status).toBe(201)
    await expect(fs.stat(path.join(mediaDir(), res.body.doc.filename))).resolves.toBeTruthy()
  })

  it('should refuse an event that ends before it starts with 400 naming endsAt', async () => {
    const before = await count('events')
    const res = await api.rest('POST', '/events', comms, {
      title: 'Konsert i Modumhallen',
      place: 'Modumhallen',
      department,
      startsAt: new Date(Date.now() + 2 * DAY).toISOString(),
      endsAt: new Date(Date.now() + DAY).toISOString(),
      _status: 'published',
    })
    expect(res.status).toBe(400)
    expect(fieldsNamed(res.body)).toContain('endsAt')
    expect(await count('events')).toBe(before)
  })

  it('should refuse an unknown department with 400 naming department', async () => {
    const before = await count('news')
    const res = await api.rest('POST', '/news', comms, {
      title: 'Ukjent avdeling',
      department: 987654,
      _status: 'published',
    })
    expect(res.status).toBe(400)
    expect(fieldsNamed(res.body)).toContain('department')
    expect(await count('news')).toBe(before)
  })

  it('should refuse a slug that is taken with 400 naming slug, leaving the first item as it was', async () => {
    const first = await api.rest<{ doc: { id: number } }>('POST', '/news', comms, {
      title: 'Nytt lekeapparat',
      slug: 'nytt-lekeapparat',
      department,
      _status: 'published',
    })
    expect(first.status).toBe(201)
    const before = await count('news')
    const res = await api.rest('POST', '/news', comms, {
      title: 'Noe annet',
      slug: 'nytt-lekeapparat',
      department,
      _status: 'published',
    })
    expect(res.status).toBe(400)
    expect(fieldsNamed(res.body)).toContain('slug')
    expect(await count('news')).toBe(before)
    const kept = await hub.payload.findByID({ collection: 'news', id: first.body.doc.id })
    expect(kept.title).toBe('Nytt lekeapparat')
  })

  it('should refuse Facebook for an internal item with 400 naming channels', async () => {
    const res = await api.rest('POST', '/news', comms, {
      title: 'Internt',
      department,
      audience: 'internal',
      channels: ['facebook', 'portal'],
      _status: 'published',
    })
    expect(res.status).toBe(400)
    expect(fieldsNamed(res.body)).toContain('channels')
  })

  it('should refuse a press release without a contact person with 400 naming contact.name', async () => {
    const res = await api.rest('POST', '/news', comms, {
      title: 'Pressemelding',
      type: 'press-release',
      department,
      _status: 'published',
    })
    expect(res.status).toBe(400)
    expect(fieldsNamed(res.body)).toContain('contact.name')
  })

  it('should refuse a signage headline over 60 characters with 400 naming the variant', async () => {
    const res = await api.rest('POST', '/news', comms, {
      title: 'Skjerm',
      department,
      variants: { signageHeadline: 'x'.repeat(61) },
      _status: 'published',
    })
    expect(res.status).toBe(400)
    expect(fieldsNamed(res.body)).toContain('variants.signageHeadline')
  })

  it('should leave a stored item untouched when an update fails validation', async () => {
    const created = await api.rest<{ doc: { id: number } }>('POST', '/news', comms, {
      title: 'Brøyting i sentrum',
      lead: 'Vi brøyter i natt.',
      department,
      _status: 'published',
    })
    const res = await api.rest('PATCH', `/news/${created.body.doc.id}`, comms, {
      title: 'Endret tittel',
      department: 987654,
    })
    expect(res.status).toBe(400)
    const kept = await hub.payload.findByID({ collection: 'news', id: created.body.doc.id })
    expect({ title: kept.title, lead: kept.lead }).toEqual({
      title: 'Brøyting i sentrum',
      lead: 'Vi brøyter i natt.',
    })
  })
})
