import { describe, expect, it } from 'vitest'

import { renderFeedEntry } from '../../../channels/feeds'
import { channelItem } from './feedFixtures'

describe('renderFeedEntry', () => {
  it('should take its uid from the item, not the database id', () => {
    expect(renderFeedEntry(channelItem()).uid).toBe('2f1c3a5e-8c1b-4d7e-9f00-1a2b3c4d5e6f')
  })

  it('should date an embargoed release from when the embargo lifted', () => {
    const entry = renderFeedEntry(
      channelItem({
        publishedAt: '2026-11-20T07:00:00.000Z',
        data: { uid: 'u', type: 'press-release', embargoUntil: '2026-11-20T10:00:00.000Z' },
      }),
    )
    expect(entry.publishedAt).toBe('2026-11-20T10:00:00.000Z')
  })

  it('should carry the press contact of a press release into the full text', () => {
    const entry = renderFeedEntry(
      channelItem({
        data: {
          uid: 'u',
          type: 'press-release',
          contact: { name: 'Kari <Nordmann>', phone: '+47 32 78 00 00', email: 'kari@modum.test' },
        },
      }),
    )
    expect(entry.kind).toBe('press-release')
    expect(entry.contact).toEqual({
      name: 'Kari <Nordmann>',
      phone: '+47 32 78 00 00',
      email: 'kari@modum.test',
    })
    expect(entry.html).toContain('Kari &lt;Nordmann&gt;')
    expect(entry.html).toContain('href="tel:+4732780000"')
  })

  it('should pick the JPEG social rendition with its size, alt text and credit', () => {
    expect(renderFeedEntry(channelItem()).image).toEqual({
      url: 'https://hub.modum.test/media/r/abc-social.jpg',
      type: 'image/jpeg',
      length: 81_234,
      width: 1200,
      height: 630,
      alt: 'Tegning av den nye barnehagen',
      credit: 'Arkitektkontoret',
    })
  })

  it('should escape the lead and keep the allow-listed body as it is', () => {
    const entry = renderFeedEntry(channelItem({ lead: 'A < B & C' }))
    expect(entry.html).toBe(
      '<p><strong>A &lt; B &amp; C</strong></p>\n<p>Byggingen starter <strong>i mars</strong>.</p>',
    )
  })

  it('should refuse an item without a title for good', () => {
    expect(() => renderFeedEntry(channelItem({ title: ' ' }))).toThrow(/ingen tittel/)
  })
})
