import { describe, expect, it } from 'vitest'

import { buildPlaylist, renderSignageEntry, slideValidUntil } from '../../../channels/signage'
import { shorten } from '../../../channels/signage/renderSignageEntry'
import type { ScreenDefinition } from '../../../channels/signage'
import { sampleItem } from '../../channels/fixtures'

const SCREEN: ScreenDefinition = {
  id: '1',
  slug: 'lobby',
  name: 'Lobby',
  location: 'Rådhuset',
  orientation: 'portrait',
  public: true,
  itemTypes: [],
  departments: [],
  categories: [],
  slideSeconds: 9,
  maxAgeDays: 7,
  dayparts: [],
}

const rendition = (preset: string, width: number, height: number) => ({
  preset,
  format: 'jpeg' as const,
  url: `https://hub.example/${preset}.jpg`,
  width,
  height,
})

function event(startsAt: string, endsAt?: string) {
  return renderSignageEntry(
    sampleItem({
      collection: 'events',
      data: { uid: `e-${startsAt}`, startsAt, ...(endsAt ? { endsAt } : {}), place: 'Kulturhuset' },
    }),
  )
}

describe('signage slides', () => {
  it('should use the signage headline, else the title, shortened at a word', () => {
    expect(renderSignageEntry(sampleItem({ variants: { signageHeadline: 'Kort' } })).headline).toBe(
      'Kort',
    )
    const long = 'Kommunestyret har vedtatt en ny plan for gang- og sykkelveier i hele kommunen'
    expect(renderSignageEntry(sampleItem({ title: long })).headline).toBe(
      'Kommunestyret har vedtatt en ny plan for gang- og…',
    )
    expect(shorten('ord '.repeat(10), 12)).toBe('ord ord ord…')
  })

  it('should keep an event without an end until midnight in Oslo, in summer time too', () => {
    expect(slideValidUntil(event('2026-07-01T16:00:00.000Z'), SCREEN).toISOString()).toBe(
      '2026-07-01T22:00:00.000Z',
    )
    expect(slideValidUntil(event('2026-01-10T16:00:00.000Z'), SCREEN).toISOString()).toBe(
      '2026-01-10T23:00:00.000Z',
    )
  })

  it('should keep news for the screen’s days unless it expires sooner', () => {
    const news = renderSignageEntry(sampleItem())
    expect(slideValidUntil(news, SCREEN).toISOString()).toBe('2026-04-09T08:00:00.000Z')
    const soon = renderSignageEntry(
      sampleItem({ data: { uid: 'x', expiresAt: '2026-04-03T00:00:00.000Z' } }),
    )
    expect(slideValidUntil(soon, SCREEN).toISOString()).toBe('2026-04-03T00:00:00.000Z')
  })

  it('should pick the portrait photo for a portrait screen and the drawn slide apart from photos', () => {
    const photo = renderSignageEntry(
      sampleItem({
        image: {
          alt: 'Sykkelveien',
          credit: 'Modum kommune',
          renditions: [rendition('signage', 1920, 1080), rendition('signage-portrait', 1080, 1920)],
        },
      }),
    )
    const drawn = renderSignageEntry(
      sampleItem({
        data: { uid: 'drawn' },
        image: { alt: 'Kort', generated: true, renditions: [rendition('signage', 1920, 1080)] },
      }),
    )
    const at = new Date('2026-04-02T09:00:00.000Z')
    const entries = [photo, drawn].map((entry, i) => ({
      itemUid: entry.uid,
      sortAt: at,
      revision: i,
      sequence: 0,
      cancelled: false,
      entry,
    }))
    const { slides } = buildPlaylist(SCREEN, entries, at)
    const byId = new Map(slides.map((s) => [s.id, s]))
    expect(byId.get(photo.uid)?.image).toMatchObject({
      width: 1080,
      height: 1920,
      alt: 'Sykkelveien',
    })
    expect(byId.get('drawn')?.image).toBeUndefined()
    expect(byId.get('drawn')?.generatedSlide).toMatchObject({ width: 1920, height: 1080 })
    expect(slides.every((s) => s.duration === 9)).toBe(true)
  })

  it('should give the same bytes for the same entries', () => {
    const at = new Date('2026-04-02T09:00:00.000Z')
    const entries = [event('2026-07-01T16:00:00.000Z'), renderSignageEntry(sampleItem())].map(
      (entry) => ({
        itemUid: entry.uid,
        sortAt: at,
        revision: 1,
        sequence: 0,
        cancelled: false,
        entry,
      }),
    )
    expect(JSON.stringify(buildPlaylist(SCREEN, entries, at))).toBe(
      JSON.stringify(buildPlaylist(SCREEN, [...entries].reverse(), at)),
    )
  })
})
