import sharp from 'sharp'
import type { CollectionSlug, File } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestHub, type TestHub } from '../helpers/testHub'

let hub: TestHub
let department: number

const DAY = 86_400_000

async function png(colour: string, name: string): Promise<File> {
  const data = await sharp({ create: { width: 24, height: 24, channels: 4, background: colour } })
    .png()
    .toBuffer()
  return { data, mimetype: 'image/png', name, size: data.length }
}

type Case = {
  collection: CollectionSlug
  create: () => Promise<Record<string, unknown>> | Record<string, unknown>
  file?: () => Promise<File>
  update: Record<string, unknown>
}

const cases: Case[] = [
  {
    collection: 'news',
    create: () => ({
      title: 'Ny gang- og sykkelvei',
      lead: 'Åpner i mai.',
      department,
      _status: 'published',
    }),
    update: { title: 'Ny gang- og sykkelvei åpner' },
  },
  {
    collection: 'events',
    create: () => ({
      title: 'Åpent møte om kommuneplanen',
      place: 'Rådhuset',
      startsAt: new Date(Date.now() + 5 * DAY).toISOString(),
      endsAt: new Date(Date.now() + 5 * DAY + 7_200_000).toISOString(),
      department,
      _status: 'published',
    }),
    update: { place: 'Kommunestyresalen' },
  },
  {
    collection: 'service-messages',
    create: () => ({
      title: 'Vannet stenges',
      area: 'Geithus',
      severity: 'warning',
      expiresAt: new Date(Date.now() + DAY).toISOString(),
      department,
      _status: 'published',
    }),
    update: { severity: 'critical' },
  },
  {
    collection: 'media',
    create: () => ({ alt: 'Rådhuset i Vikersund', credit: 'Modum kommune' }),
    file: () => png('#00507d', 'radhuset.png'),
    update: { credit: 'Foto: Modum kommune' },
  },
  {
    collection: 'brand-assets',
    create: () => ({ title: 'Logo liggende', kind: 'logo', alt: 'Modum kommunes logo' }),
    file: () => png('#f2b705', 'logo.png'),
    update: { usage: 'Brukes på hvit bakgrunn.' },
  },
  { collection: 'categories', create: () => ({ name: 'Næring' }), update: { name: 'Næringsliv' } },
  {
    collection: 'departments',
    create: () => ({ name: 'Økonomi', kind: 'etat' }),
    update: { name: 'Økonomi og styring' },
  },
  {
    collection: 'users',
    create: () => ({
      email: 'ny@example.com',
      password: 'Passord-1234',
      name: 'Ny Bruker',
      role: 'editor',
      departments: [department],
    }),
    update: { name: 'Ny Redaktør' },
  },
  {
    collection: 'screens',
    create: () => ({
      name: 'Biblioteket – inngang',
      location: 'Modum bibliotek',
      groups: ['publikum'],
    }),
    update: { orientation: 'portrait' },
  },
]

beforeAll(async () => {
  hub = await startTestHub()
  department = (
    await hub.payload.create({ collection: 'departments', data: { name: 'Kultur', kind: 'etat' } })
  ).id
})

afterAll(async () => {
  await hub?.cleanup()
})

describe.each(cases)('crud on $collection', ({ collection, create, file, update }) => {
  it('should create, read, update and delete a document', async () => {
    const { payload } = hub
    const data = await create()
    const created = await payload.create({
      collection,
      data: data as never,
      ...(file ? { file: await file() } : {}),
    })
    const read = await payload.findByID({ collection, id: created.id, depth: 0 })
    for (const [key, value] of Object.entries(data)) {
      if (
        key !== 'password' &&
        key !== '_status' &&
        key !== 'department' &&
        key !== 'departments'
      ) {
        expect((read as unknown as Record<string, unknown>)[key]).toEqual(value)
      }
    }
    const updated = await payload.update({ collection, id: created.id, data: update })
    for (const [key, value] of Object.entries(update)) {
      expect((updated as unknown as Record<string, unknown>)[key]).toEqual(value)
    }
    await payload.delete({ collection, id: created.id })
    expect(
      (await payload.count({ collection, where: { id: { equals: created.id } } })).totalDocs,
    ).toBe(0)
  })
})

describe('the brand global', () => {
  it('should store and return the graphic profile', async () => {
    const colours = {
      primary: '#00507d',
      text: '#1a1a1a',
      background: '#ffffff',
      accent: '#f2b705',
    }
    await hub.payload.updateGlobal({ slug: 'brand', data: { typeface: 'Source Sans 3', colours } })
    const brand = await hub.payload.findGlobal({ slug: 'brand' })
    expect(brand.colours).toMatchObject(colours)
  })

  it('should refuse a colour that is not #RRGGBB', async () => {
    await expect(
      hub.payload.updateGlobal({
        slug: 'brand',
        data: {
          colours: { primary: 'blå', text: '#000000', background: '#ffffff', accent: '#f2b705' },
        },
      }),
    ).rejects.toThrow(/colours\.primary|Hovedfarge/)
  })
})
