import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { portalAdapter, type PortalItem } from '../../channels/portal'
import { createRegistry } from '../../channels/registry'
import { disableEndpoint, loadEndpointsFromPayload, websiteAdapter } from '../../channels/website'
import { fixedClock, setClock } from '../../src/clock'
import { setActiveRegistry } from '../../src/outbox/activeRegistry'
import {
  generateTestSecret,
  startWebsiteReceiver,
  type WebsiteReceiver,
} from '../fakes/website-receiver'
import type { Caller, createApi } from '../helpers/api'
import { communicationsDesk } from '../helpers/communicationsDesk'
import { deliveriesOf, dispatchUntilIdle } from '../helpers/ledgerTools'
import { formData, png16Bit } from '../helpers/mediaFixtures'
import { newsPublisher } from '../helpers/newsPublisher'
import { startTestHub, type TestHub } from '../helpers/testHub'

let hub: TestHub
let api: ReturnType<typeof createApi>
let comms: Caller
let publish: ReturnType<typeof newsPublisher>
let portal: WebsiteReceiver
let website: WebsiteReceiver
const endpointIds: number[] = []
const secret = generateTestSecret()
const clock = fixedClock(new Date())
let restoreClock: () => void

const registry = () => {
  const common = {
    disableEndpoint: (id: string, reason: string) => disableEndpoint(hub.payload, id, reason),
    timeoutMs: 2000,
  }
  return createRegistry(
    [
      websiteAdapter({
        loadEndpoints: loadEndpointsFromPayload(hub.payload, 'website'),
        ...common,
      }),
      portalAdapter({ loadEndpoints: loadEndpointsFromPayload(hub.payload, 'portal'), ...common }),
    ],
    {},
  )
}

function dispatchAll(): Promise<number> {
  return dispatchUntilIdle({
    payload: hub.payload,
    registry: registry(),
    now: () => clock.now(),
    worker: 'test',
  })
}

async function addEndpoint(data: Record<string, unknown>): Promise<void> {
  const doc = await hub.payload.create({
    collection: 'channel-endpoints',
    data: { secret, ...data } as never,
  })
  endpointIds.push(doc.id)
}

const text = (value: string, format = 0) => ({
  type: 'text',
  text: value,
  format,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
})

/** A Lexical body with a heading, formatted text, a web link and a javascript: link. */
const BODY = {
  root: {
    type: 'root',
    version: 1,
    format: '',
    indent: 0,
    direction: null,
    children: [
      { type: 'heading', tag: 'h2', version: 1, children: [text('Hva endres')] },
      {
        type: 'paragraph',
        version: 1,
        children: [
          text('Opplæring på '),
          text('Furumo', 1),
          text(' – '),
          {
            type: 'link',
            version: 1,
            fields: { linkType: 'custom', url: 'javascript:alert(1)' },
            children: [text('klikk her')],
          },
          text(' og '),
          {
            type: 'link',
            version: 1,
            fields: { linkType: 'custom', url: 'https://www.modum.kommune.no/turnus' },
            children: [text('les mer')],
          },
        ],
      },
    ],
  },
}

type Body = { type: string; id: string; revision: number; data?: PortalItem }
const bodies = (receiver: WebsiteReceiver) => receiver.requests.map((r) => r.body as Body)

beforeAll(async () => {
  process.env.WEBHOOK_ALLOW_PRIVATE = 'true'
  hub = await startTestHub()
  restoreClock = setClock(clock)
  let department: number
  ;({ api, comms, department } = await communicationsDesk(hub.payload, 'Helse og omsorg'))
  publish = newsPublisher(hub.payload, department, 'Ny turnusapp i helse og omsorg')
})

beforeEach(async () => {
  portal = await startWebsiteReceiver({ secrets: secret })
  website = await startWebsiteReceiver({ secrets: secret })
  await addEndpoint({
    name: 'Ansattportalen',
    url: `${portal.url}/hub`,
    channel: 'portal',
    audiences: ['public', 'internal'],
  })
  // Granted internal items, so only the channel keeps the portal's items away from it.
  await addEndpoint({
    name: 'Intranett-app',
    url: `${website.url}/hub`,
    audiences: ['public', 'internal'],
  })
  setActiveRegistry(registry())
})

afterEach(async () => {
  setActiveRegistry(undefined)
  for (const id of endpointIds.splice(0)) {
    await hub.payload.delete({ collection: 'channel-endpoints', id })
  }
  await portal.close()
  await website.close()
})

afterAll(async () => {
  restoreClock?.()
  delete process.env.WEBHOOK_ALLOW_PRIVATE
  await hub?.cleanup()
})

describe('the employee portal through the ledger', () => {
  it('should deliver a published internal item as a verified webhook carrying the whole item', async () => {
    const upload = await api.rest<{ doc: { id: number } }>(
      'POST',
      '/media',
      comms,
      formData(await png16Bit(), { alt: 'Sykepleier med nettbrett', credit: 'Foto: Kari Holm' }),
    )
    expect(upload.status).toBe(201)
    const doc = await publish({
      channels: ['portal'],
      audience: 'internal',
      lead: 'Alle ansatte får ny turnusapp fra 1. mai.',
      body: BODY,
      image: upload.body.doc.id,
    })
    await dispatchAll()

    expect(portal.requests).toHaveLength(1)
    const [request] = portal.requests
    expect(request?.verified).toBe(true)
    const body = request?.body as Body
    expect(body).toMatchObject({ type: 'item.published', id: String(doc.id) })
    expect(body.data).toMatchObject({
      title: 'Ny turnusapp i helse og omsorg',
      lead: 'Alle ansatte får ny turnusapp fra 1. mai.',
      summary: 'Alle ansatte får ny turnusapp fra 1. mai.',
      audience: 'internal',
      department: { name: 'Helse og omsorg' },
      image: { alt: 'Sykepleier med nettbrett', credit: 'Foto: Kari Holm' },
      bodyHtml:
        '<h2>Hva endres</h2><p>Opplæring på <strong>Furumo</strong> – klikk her og ' +
        '<a href="https://www.modum.kommune.no/turnus" rel="noopener noreferrer">les mer</a></p>',
    })
    expect(body.data?.image?.renditions.map((r) => r.preset)).toContain('portal')
  })

  it('should send item.updated with a newer revision after an edit', async () => {
    const doc = await publish({ channels: ['portal'], audience: 'internal' })
    await dispatchAll()
    clock.set(new Date(clock.now().getTime() + 60_000))
    await hub.payload.update({
      collection: 'news',
      id: doc.id,
      data: { title: 'Turnusappen kommer 15. mai' },
    })
    await dispatchAll()
    const [first, second] = bodies(portal)
    expect(second).toMatchObject({
      type: 'item.updated',
      id: String(doc.id),
      data: { title: 'Turnusappen kommer 15. mai' },
    })
    expect(second!.revision).toBeGreaterThan(first!.revision)
  })

  it('should send item.retracted without data when the item is unpublished', async () => {
    const doc = await publish({ channels: ['portal'], audience: 'internal' })
    await dispatchAll()
    await hub.payload.update({ collection: 'news', id: doc.id, data: { _status: 'draft' } })
    await dispatchAll()
    const last = bodies(portal).at(-1)
    expect(last).toMatchObject({ type: 'item.retracted', id: String(doc.id) })
    expect(last?.data).toBeUndefined()
    const rows = await deliveriesOf(hub.payload, doc.uid as string)
    expect(rows.map((r) => [r.channel, r.action, r.status])).toEqual([
      ['portal', 'publish', 'delivered'],
      ['portal', 'retract', 'delivered'],
    ])
  })

  it('should never send a website endpoint an item that chose only the portal', async () => {
    await publish({ channels: ['portal'], audience: 'internal' })
    await publish({ channels: ['portal'], audience: 'both' })
    await dispatchAll()
    expect(portal.requests).toHaveLength(2)
    expect(website.requests).toEqual([])
  })

  it('should give the portal and the website each their own copy of an item that chose both', async () => {
    const doc = await publish({ channels: ['website', 'portal'], audience: 'both' })
    await dispatchAll()
    expect(bodies(portal)).toMatchObject([{ type: 'item.published', data: { summary: '' } }])
    // The website gets the item's public representation, not the portal's.
    expect(bodies(website)).toMatchObject([{ type: 'item.published', id: String(doc.id) }])
    expect(bodies(website)[0]?.data).not.toHaveProperty('bodyHtml')
  })
})

describe('portal endpoints', () => {
  it('should refuse a portal endpoint without internal items with a 400 naming audiences', async () => {
    const res = await api.rest<{ errors: { data?: { errors?: { path: string }[] } }[] }>(
      'POST',
      '/channel-endpoints',
      comms,
      {
        name: 'Ansattportalen',
        url: 'https://intranett.modum.kommune.no/hub',
        channel: 'portal',
        audiences: ['public'],
      },
    )
    expect(res.status).toBe(400)
    const paths = res.body.errors.flatMap((e) => e.data?.errors ?? []).map((e) => e.path)
    expect(paths).toEqual(['audiences'])
    const { totalDocs } = await hub.payload.count({
      collection: 'channel-endpoints',
      where: { channel: { equals: 'portal' } },
    })
    expect(totalDocs).toBe(1) // the one beforeEach made
  })

  it('should refuse switching a portal endpoint to public items only, naming audiences', async () => {
    const [id] = endpointIds
    const res = await api.rest('PATCH', `/channel-endpoints/${id}`, comms, {
      audiences: ['public'],
    })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toContain('"path":"audiences"')
  })

  it('should make an endpoint a website endpoint unless told otherwise', async () => {
    const res = await api.rest<{ doc: { id: number; channel: string } }>(
      'POST',
      '/channel-endpoints',
      comms,
      { name: 'Nettsiden', url: 'https://www.modum.kommune.no/hub' },
    )
    expect(res.status).toBe(201)
    endpointIds.push(res.body.doc.id)
    expect(res.body.doc.channel).toBe('website')
  })
})
