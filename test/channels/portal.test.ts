import { Webhook } from 'standardwebhooks'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { ChannelAdapter, ChannelItem, Target } from '../../channels/contract'
import { portalAdapter, type PortalItem, type PortalMessage } from '../../channels/portal'
import type { WebsiteEndpoint } from '../../channels/website'
import { runConformanceSuite } from './conformance'
import { deliverContext, PUBLIC_URL, RENDER_NOW, sampleItem } from './fixtures'
import { testEndpoint } from './websiteEndpoint'
import { startWebsiteFake, type WebsiteFake } from './websiteFake'

/** A portal endpoint: the website test endpoint, granted internal items too. */
function portalEndpoint(url: string, secret: string, overrides: Partial<WebsiteEndpoint> = {}) {
  return testEndpoint(url, secret, {
    id: '12',
    name: 'Ansattportalen',
    audiences: ['public', 'internal'],
    ...overrides,
  })
}

function portalOver(endpoints: WebsiteEndpoint[], timeoutMs?: number) {
  return portalAdapter({
    loadEndpoints: (query) =>
      Promise.resolve(
        query?.id === undefined ? [...endpoints] : endpoints.filter((e) => e.id === query.id),
      ),
    allowPrivateAddresses: () => true,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  })
}

const IMAGE: NonNullable<ChannelItem['image']> = {
  alt: 'Anleggsmaskiner ved Vikersund skole',
  credit: 'Foto: Modum kommune',
  renditions: [
    {
      preset: 'portal',
      format: 'webp',
      url: 'https://hub.modum.kommune.no/media/r/abc/portal.webp',
      width: 1200,
      height: 675,
    },
    {
      preset: 'thumb',
      format: 'jpeg',
      url: 'https://hub.modum.kommune.no/media/r/abc/thumb.jpg',
      width: 400,
      height: 400,
    },
  ],
}

/** An internal item with a body, an image, a department and a portal summary. */
function internalItem(overrides: Partial<ChannelItem> = {}): ChannelItem {
  return sampleItem({
    audience: 'internal',
    title: 'Nytt turnussystem fra 1. mai',
    lead: 'Alle ansatte i helse og omsorg får ny turnusapp.',
    variants: { portalSummary: 'Ny turnusapp for helse og omsorg.' },
    bodyHtml: '<p>Opplæring skjer på <strong>Furumo</strong>.</p>',
    department: {
      slug: 'helse-og-omsorg',
      name: 'Helse og omsorg',
      etat: { slug: 'velferd', name: 'Velferd' },
    },
    image: IMAGE,
    ...overrides,
  })
}

runConformanceSuite({
  name: 'portal',
  fake: () => startWebsiteFake(),
  makeAdapter: (fake, { timeoutMs }) =>
    portalOver([portalEndpoint(fake.receiver.url, fake.secret)], timeoutMs),
  item: () => internalItem(),
})

describe('portal adapter: what a portal gets', () => {
  let fake: WebsiteFake
  let adapter: ChannelAdapter<PortalMessage>
  let target: Target

  beforeEach(async () => {
    fake = await startWebsiteFake()
    adapter = portalOver([portalEndpoint(fake.receiver.url, fake.secret)])
    ;[target] = (await adapter.targets()) as [Target]
  })

  afterEach(async () => {
    await fake.close()
  })

  async function deliver(item: ChannelItem) {
    const message = adapter.render(item, { target, now: RENDER_NOW, publicUrl: PUBLIC_URL })
    await adapter.deliver(message, deliverContext(target, 'publish'))
    const request = fake.receiver.requests.at(-1)
    return { request, body: request?.body as { type: string; data: PortalItem } }
  }

  it('should be named portal and offer its endpoints as staff-only targets', () => {
    expect(adapter.name).toBe('portal')
    expect(target).toMatchObject({ id: '12', name: 'Ansattportalen', public: false })
  })

  it('should sign so that the official library verifies the request', async () => {
    const { request } = await deliver(internalItem())
    const headers = request?.headers as Record<string, string>
    expect(() => new Webhook(fake.secret).verify(request?.rawBody ?? '', headers)).not.toThrow()
  })

  it('should accept and deliver an internal item', async () => {
    expect(adapter.accepts(internalItem(), target)).toBe(true)
    const { request, body } = await deliver(internalItem())
    expect(request?.verified).toBe(true)
    expect(body).toMatchObject({ type: 'item.published', data: { audience: 'internal' } })
  })

  it('should carry the whole item: title, lead, summary, body, department and audience', async () => {
    const item = internalItem()
    const { body } = await deliver(item)
    expect(body.data).toMatchObject({
      title: item.title,
      lead: item.lead,
      summary: 'Ny turnusapp for helse og omsorg.',
      bodyHtml: '<p>Opplæring skjer på <strong>Furumo</strong>.</p>',
      audience: 'internal',
      language: 'nb',
      department: {
        slug: 'helse-og-omsorg',
        name: 'Helse og omsorg',
        etat: { slug: 'velferd', name: 'Velferd' },
      },
      publishedAt: item.publishedAt,
      updatedAt: item.updatedAt,
    })
  })

  it('should carry every image rendition with the alt text and credit', async () => {
    const { body } = await deliver(internalItem())
    expect(body.data.image).toStrictEqual(IMAGE)
  })

  it('should use the lead as the summary when the editor wrote none', async () => {
    const { body } = await deliver(internalItem({ variants: {} }))
    expect(body.data.summary).toBe('Alle ansatte i helse og omsorg får ny turnusapp.')
  })

  it('should strip script, iframe and on* attributes from the body', async () => {
    const { body } = await deliver(
      internalItem({
        bodyHtml:
          '<p onclick="steal()">Hei<script>alert(1)</script><iframe src="https://x.example"></iframe>' +
          '<img src="x" onerror="steal()"><a href="javascript:alert(1)" onmouseover="x()">lenke</a></p>',
      }),
    )
    expect(body.data.bodyHtml).toBe('<p>Hei<a rel="noopener noreferrer">lenke</a></p>')
  })

  it('should make the body HTML from the editor JSON of a snapshot without bodyHtml', async () => {
    const text = (t: string) => ({ type: 'text', text: t, format: 1, version: 1 })
    const lexical = {
      root: {
        type: 'root',
        version: 1,
        children: [{ type: 'paragraph', version: 1, children: [text('<b>viktig</b>')] }],
      },
    }
    const item = internalItem({ data: { ...sampleItem().data, body: lexical } })
    delete item.bodyHtml
    const { body } = await deliver(item)
    expect(body.data.bodyHtml).toBe('<p><strong>&lt;b&gt;viktig&lt;/b&gt;</strong></p>')
  })

  it('should carry the fields of the item type and nothing of the raw document', async () => {
    const event = internalItem({
      collection: 'events',
      data: {
        startsAt: '2026-05-01T08:00:00.000Z',
        place: 'Furumo',
        organiser: '',
        uid: 'secret-ish-bookkeeping',
      },
    })
    const { body } = await deliver(event)
    expect(body.data.details).toStrictEqual({
      startsAt: '2026-05-01T08:00:00.000Z',
      place: 'Furumo',
    })
    expect(JSON.stringify(body)).not.toContain('secret-ish-bookkeeping')
  })

  it('should refuse a public item for a portal endpoint that takes only internal items', async () => {
    const internalOnly = portalOver([
      portalEndpoint(fake.receiver.url, fake.secret, { audiences: ['internal'] }),
    ])
    const [only] = (await internalOnly.targets()) as [Target]
    expect(internalOnly.accepts(sampleItem({ audience: 'public' }), only)).toMatch(/interne/)
    expect(internalOnly.accepts(sampleItem({ audience: 'both' }), only)).toBe(true)
  })

  it('should send the same webhook-id on a retry, so the portal deduplicates', async () => {
    fake.script({ status: 503 })
    const ctx = deliverContext(target, 'publish')
    const message = adapter.render(internalItem(), {
      target,
      now: RENDER_NOW,
      publicUrl: PUBLIC_URL,
    })
    await expect(adapter.deliver(message, ctx)).rejects.toThrow()
    await adapter.deliver(message, ctx)
    expect(fake.receiver.uniqueIds()).toEqual([ctx.deliveryId])
  })
})
