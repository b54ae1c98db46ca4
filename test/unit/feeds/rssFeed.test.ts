import Parser from 'rss-parser'
import { describe, expect, it } from 'vitest'

import { rssFeed } from '../../../channels/feeds'
import { entryOf, feedEntry, META } from './feedFixtures'

type Item = Parser.Item & {
  guid?: string
  'content:encoded'?: string
  'dc:creator'?: string
  'dc:language'?: string
  media?: { $: Record<string, string>; 'media:credit'?: string[]; 'media:description'?: unknown[] }
}
const parser = new Parser<{ language?: string }, Item>({
  customFields: {
    feed: ['language'],
    item: [['media:content', 'media'], 'dc:language', 'dc:creator'],
  },
})
const LAST = new Date('2026-11-20T08:00:00.000Z')

async function parsed(xml = rssFeed(META, [entryOf(feedEntry())], LAST)) {
  return parser.parseString(xml)
}

describe('rssFeed', () => {
  it('should give each item a non-permalink GUID from the item uid', async () => {
    const xml = rssFeed(META, [entryOf(feedEntry())], LAST)
    expect(xml).toContain(
      '<guid isPermaLink="false">urn:uuid:2f1c3a5e-8c1b-4d7e-9f00-1a2b3c4d5e6f</guid>',
    )
    expect((await parsed(xml)).items[0]?.guid).toBe('urn:uuid:2f1c3a5e-8c1b-4d7e-9f00-1a2b3c4d5e6f')
  })

  it('should keep the GUID when the item is edited', async () => {
    const edited = feedEntry({ title: 'Ny barnehage blir større', revision: 2 })
    const [before, after] = [
      (await parsed()).items[0]?.guid,
      (await parsed(rssFeed(META, [entryOf(edited)], LAST))).items[0]?.guid,
    ]
    expect(after).toBe(before)
  })

  it('should date items in RFC 822 and carry the full text, creator, categories and language', async () => {
    const xml = rssFeed(META, [entryOf(feedEntry())], LAST)
    expect(xml).toContain('<pubDate>Fri, 20 Nov 2026 07:30:00 GMT</pubDate>')
    const item = (await parsed(xml)).items[0]
    expect(item?.['content:encoded']).toContain('Byggingen starter <strong>i mars</strong>.')
    expect(item?.['dc:creator']).toBe('Oppvekst')
    expect(item?.categories).toEqual(['Oppvekst', 'Skole og barnehage'])
    expect(item?.['dc:language']).toBe('nb')
  })

  it('should carry the image as enclosure and media:content with alt text and credit', async () => {
    const item = (await parsed()).items[0]
    expect(item?.enclosure).toEqual({
      url: 'https://hub.modum.test/media/r/abc-social.jpg',
      length: '81234',
      type: 'image/jpeg',
    })
    expect(item?.media?.$).toMatchObject({
      url: 'https://hub.modum.test/media/r/abc-social.jpg',
      type: 'image/jpeg',
      fileSize: '81234',
      medium: 'image',
    })
    expect(item?.media?.['media:credit']).toEqual(['Arkitektkontoret'])
    expect(JSON.stringify(item?.media?.['media:description'])).toContain(
      'Tegning av den nye barnehagen',
    )
  })

  it('should link the channel to itself and say it is in bokmål', async () => {
    const xml = rssFeed(META, [], LAST)
    expect(xml).toContain(
      '<atom:link href="https://hub.modum.test/feeds/news.rss" rel="self" type="application/rss+xml"/>',
    )
    expect((await parsed(xml)).language).toBe('nb')
  })

  it('should produce the same bytes for the same entries whenever it runs', () => {
    const entries = [entryOf(feedEntry())]
    expect(rssFeed(META, entries, LAST)).toBe(rssFeed(META, entries, new Date(LAST)))
    expect(rssFeed(META, entries, LAST)).toContain(
      '<lastBuildDate>Fri, 20 Nov 2026 08:00:00 GMT</lastBuildDate>',
    )
  })

  it('should keep markup that closes a CDATA section from breaking the feed', async () => {
    const entry = feedEntry({ bodyHtml: '<p>a ]]> b</p>' })
    const item = (await parsed(rssFeed(META, [entryOf(entry)], LAST))).items[0]
    expect(item?.['content:encoded']).toContain('<p>a ]]> b</p>')
  })
})
