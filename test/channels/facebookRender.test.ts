import { describe, expect, it } from 'vitest'

import { classifyError } from '../../channels/errors'
import {
  DEFAULT_API_VERSION,
  facebookAdapter,
  facebookConfigProblems,
  MAX_POST_CHARACTERS,
  renderPost,
} from '../../channels/facebook'
import { photoItem, rendition } from './facebookFake'
import { PUBLIC_URL, sampleItem } from './fixtures'

const CONFIG = { FACEBOOK_PAGE_ID: '104857600000001', FACEBOOK_PAGE_TOKEN: 'EAAtoken' }
const adapter = facebookAdapter({ config: CONFIG })
const page = { id: '104857600000001', name: 'Facebook-siden', public: true }
const render = (item = sampleItem()) => renderPost(item, { publicUrl: PUBLIC_URL })

describe('facebook adapter: rendering', () => {
  it('should derive the text from title and lead, followed by the item URL', () => {
    const item = sampleItem()
    expect(render(item).text).toBe(`${item.title}\n\n${item.lead}\n\n${item.url}`)
  })

  it("should use the editor's Facebook text when there is one", () => {
    const item = sampleItem({ variants: { facebookText: 'Nå bygger vi sykkelvei!' } })
    expect(render(item).text).toBe(`Nå bygger vi sykkelvei!\n\n${item.url}`)
  })

  it('should not repeat the URL when the Facebook text already ends with it', () => {
    const item = sampleItem()
    const text = `Les mer: ${item.url}`
    expect(render(sampleItem({ variants: { facebookText: text } })).text).toBe(text)
  })

  it('should strip markup and decode entities, keeping paragraphs', () => {
    const item = sampleItem({
      variants: { facebookText: '<p>Vei &amp; bro</p><p>Åpner  i <b>mai</b></p>' },
    })
    expect(render(item).text).toBe(`Vei & bro\n\nÅpner i mai\n\n${item.url}`)
  })

  it('should collapse whitespace and markup in a derived title and lead', () => {
    const item = sampleItem({ title: ' Ny  <em>vei</em>\n', lead: 'Starter\n i mai.' })
    expect(render(item).text).toBe(`Ny vei\n\nStarter i mai.\n\n${item.url}`)
  })

  it("should refuse, permanently, a text longer than Facebook's limit", () => {
    const item = sampleItem({ variants: { facebookText: 'x'.repeat(MAX_POST_CHARACTERS) } })
    expect(classifyError(captured(() => render(item)))).toMatchObject({
      kind: 'permanent',
      code: 'facebook-too-long',
    })
  })

  it('should count characters, not UTF-16 units, against the limit', () => {
    const url = sampleItem().url
    const emoji = '🚲'.repeat(MAX_POST_CHARACTERS - url.length - 2)
    expect(() => render(sampleItem({ variants: { facebookText: emoji } }))).not.toThrow()
  })

  it('should make a link post when the item has no image', () => {
    expect(render().photo).toBeUndefined()
  })

  it('should make a photo post with the credit appended as "Foto: …"', () => {
    const message = render(photoItem())
    expect(message.photo).toEqual({
      url: `${PUBLIC_URL}/media/social/vikersund-1200x630.jpg`,
      alt: 'Anleggsmaskiner ved Vikersund skole',
    })
    expect(message.text).toBe(`${render().text}\n\nFoto: Kari Nordmann`)
  })

  it('should keep an absolute image URL as it is', () => {
    const url = 'https://cdn.example.no/a.jpg'
    const item = sampleItem({ image: { alt: 'A', renditions: [rendition('social', 'jpeg', url)] } })
    expect(render(item).photo?.url).toBe(url)
  })

  it('should make a link post when the image has no social rendition Facebook can fetch', () => {
    const image = { alt: 'A', renditions: [rendition('social', 'avif', '/a.avif')] }
    expect(render(sampleItem({ image })).photo).toBeUndefined()
  })

  it('should make a link post, not a photo post, for a brand-generated card', () => {
    const card = rendition('social', 'png', '/api/media/generated/abc/social-card.png')
    const image = { alt: 'Tittel', generated: true, renditions: [card] }
    expect(render(sampleItem({ image })).photo).toBeUndefined()
  })
})

describe('facebook adapter: target, audience and configuration', () => {
  it('should offer the Page as its one public target named "Facebook-siden"', async () => {
    expect(await adapter.targets()).toEqual([page])
  })

  it('should name the target from FACEBOOK_PAGE_NAME when set', async () => {
    const named = facebookAdapter({ config: { ...CONFIG, FACEBOOK_PAGE_NAME: 'Modum kommune' } })
    expect((await named.targets())[0]?.name).toBe('Modum kommune')
  })

  it('should refuse internal items with a Norwegian reason', () => {
    expect(adapter.accepts(sampleItem({ audience: 'internal' }), page)).toBe(
      'Interne saker publiseres aldri på Facebook',
    )
  })

  it('should accept items for both audiences', () => {
    expect(adapter.accepts(sampleItem({ audience: 'both' }), page)).toBe(true)
  })

  it('should find nothing wrong with a complete configuration', () => {
    expect(facebookConfigProblems(CONFIG)).toEqual([])
  })

  it('should report every problem at once, each naming its variable', () => {
    const problems = facebookConfigProblems({
      FACEBOOK_PAGE_ID: 'modumkommune',
      FACEBOOK_GRAPH_URL: 'ftp://graph',
      FACEBOOK_API_VERSION: '24',
    })
    expect(problems).toEqual([
      expect.stringMatching(/^FACEBOOK_PAGE_ID must be the Page's numeric id/),
      'FACEBOOK_PAGE_TOKEN is missing',
      'FACEBOOK_GRAPH_URL must be an http(s) URL',
      expect.stringMatching(/^FACEBOOK_API_VERSION must look like v\d+\.\d+/),
    ])
  })

  it('should not quote a malformed token', () => {
    const problems = facebookConfigProblems({ ...CONFIG, FACEBOOK_PAGE_TOKEN: 'EAA secret' })
    expect(problems.join(' ')).not.toContain('secret')
  })

  it('should default to a Graph API version of the form vNN.N', () => {
    expect(DEFAULT_API_VERSION).toMatch(/^v\d+\.\d$/)
  })
})

function captured(fn: () => unknown): unknown {
  try {
    fn()
  } catch (err) {
    return err
  }
  throw new Error('expected a throw')
}
