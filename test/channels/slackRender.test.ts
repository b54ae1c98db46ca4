import { describe, expect, it } from 'vitest'

import type { ChannelImage, ChannelItem } from '../../channels/contract'
import { renderSlackMessage, type SlackBlock } from '../../channels/slack'
import { blocksProblem } from '../fakes/slack-api'
import { PUBLIC_URL, sampleItem } from './fixtures'

const render = (overrides: Partial<ChannelItem> = {}) => renderSlackMessage(sampleItem(overrides))

const block = <T extends SlackBlock['type']>(blocks: SlackBlock[], type: T) =>
  blocks.find((b): b is Extract<SlackBlock, { type: T }> => b.type === type)

const rendition = (preset: string, format: 'jpeg' | 'webp' | 'avif' | 'png' = 'jpeg') => ({
  preset,
  format,
  url: `${PUBLIC_URL}/media/bru-${preset}.${format}`,
  width: 800,
  height: 450,
})

/** A photo in the renditions the media pipeline makes for `portal` and `social`. */
const photo = (extra: Partial<ChannelImage> = {}): ChannelImage => ({
  alt: 'Ny bru over elva',
  renditions: [
    rendition('portal', 'avif'),
    rendition('portal', 'webp'),
    rendition('portal'),
    rendition('social'),
  ],
  ...extra,
})

describe('slack render: Block Kit', () => {
  it('should put the title in a header block', () => {
    expect(block(render().blocks, 'header')?.text.text).toBe('Ny gang- og sykkelvei i Vikersund')
  })

  it('should cut a long title to the 150 characters a header holds', () => {
    const text = block(render({ title: 'Å'.repeat(400) }).blocks, 'header')?.text.text ?? ''
    expect(text).toHaveLength(150)
    expect(text.endsWith('…')).toBe(true)
  })

  it('should use the portal summary before the lead', () => {
    const message = render({ variants: { portalSummary: 'Kort for ansatte.' } })
    expect(block(message.blocks, 'section')?.text.text).toBe('Kort for ansatte.')
  })

  it('should fall back to the lead as summary', () => {
    expect(block(render().blocks, 'section')?.text.text).toBe(sampleItem().lead)
  })

  it('should cut a long summary to the 3000 characters a section holds', () => {
    const text = block(render({ lead: 'ord '.repeat(2000) }).blocks, 'section')?.text.text ?? ''
    expect(text.length).toBeLessThanOrEqual(3000)
  })

  it('should never cut an emoji in half', () => {
    const text = block(render({ title: `${'a'.repeat(148)}😀😀` }).blocks, 'header')?.text.text
    expect(text).toBe(`${'a'.repeat(148)}…`)
  })

  it('should keep every text plain, so nothing an editor typed becomes markup', () => {
    const message = render({ title: '*Fett* <!channel>' })
    expect(block(message.blocks, 'header')?.text).toMatchObject({
      type: 'plain_text',
      text: '*Fett* <!channel>',
    })
  })

  it('should add an image block with the alt text when the item has an image', () => {
    expect(block(render({ image: photo() }).blocks, 'image')).toEqual({
      type: 'image',
      image_url: `${PUBLIC_URL}/media/bru-portal.jpeg`,
      alt_text: 'Ny bru over elva',
    })
  })

  it('should fall back to the social rendition when there is no portal one', () => {
    const message = render({ image: photo({ renditions: [rendition('social', 'png')] }) })
    expect(block(message.blocks, 'image')?.image_url).toBe(`${PUBLIC_URL}/media/bru-social.png`)
  })

  it('should leave the image out when only formats Slack cannot show exist', () => {
    const image = photo({ renditions: [rendition('portal', 'avif'), rendition('portal', 'webp')] })
    expect(block(render({ image }).blocks, 'image')).toBeUndefined()
  })

  it('should describe a decorative image as an illustration, since Slack requires alt text', () => {
    expect(block(render({ image: photo({ alt: '' }) }).blocks, 'image')?.alt_text).toBe(
      'Illustrasjonsbilde',
    )
  })

  it('should leave out a brand-template card, which only repeats the title', () => {
    expect(block(render({ image: photo({ generated: true }) }).blocks, 'image')).toBeUndefined()
  })

  it('should credit the photographer in the context block', () => {
    const message = render({ image: photo({ credit: 'Kari Foto' }) })
    expect(block(message.blocks, 'context')?.elements.map((e) => e.text)).toEqual([
      'Nyhet',
      'Foto: Kari Foto',
    ])
  })

  it('should have no image block for an item without an image', () => {
    expect(block(render().blocks, 'image')).toBeUndefined()
  })

  it('should link to the item with a button', () => {
    expect(block(render().blocks, 'actions')?.elements[0]).toMatchObject({
      type: 'button',
      url: sampleItem().url,
      text: { text: 'Les saken' },
    })
  })

  it('should give a fallback text with the title and summary, mrkdwn escaped', () => {
    expect(render({ title: 'A & B <ny>', lead: 'Les mer.' }).text).toBe(
      'A &amp; B &lt;ny&gt; – Les mer.',
    )
  })

  it('should carry the item and revision for the metadata', () => {
    expect(render().item).toEqual({ id: '42', collection: 'news', revision: 3 })
  })

  it('should refuse an item whose URL cannot be a Block Kit link', () => {
    expect(() => render({ url: 'ftp://example.org/x' })).toThrow(
      expect.objectContaining({ code: 'slack-invalid-url' }),
    )
  })

  it("should produce blocks Slack's limits accept even for an oversized item", () => {
    const message = render({
      title: 'T'.repeat(500),
      lead: 'L'.repeat(5000),
      image: photo({ alt: 'A'.repeat(3000), credit: 'C'.repeat(4000) }),
    })
    expect(blocksProblem(message.blocks)).toBeNull()
  })
})
