import { Webhook } from 'standardwebhooks'
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest'

import { disableEndpoint, loadEndpointsFromPayload, websiteAdapter } from '../../channels/website'
import { openSecret } from '../../channels/website/secretBox'
import { fixedClock, setClock } from '../../src/clock'
import { type Caller, type createApi, loginCaller } from '../helpers/api'
import { communicationsDesk } from '../helpers/communicationsDesk'
import { startTestHub, type TestHub } from '../helpers/testHub'
import {
  generateTestSecret,
  startWebsiteReceiver,
  type WebsiteReceiver,
} from '../fakes/website-receiver'
import { deliverSample } from '../channels/websiteEndpoint'

let hub: TestHub
let api: ReturnType<typeof createApi>
let comms: Caller
let editor: Caller

type Created = { doc: { id: number; secret?: string; events: string[]; audiences: string[] } }
type ErrorBody = { errors?: { data?: { errors?: { path: string }[] } }[] }
type Rotated = { id: number; secret: string; previousSecretExpiresAt: string }

const HOUR = 60 * 60 * 1000
const VALID = { name: 'Modum kommune – nettsiden', url: 'https://www.modum.kommune.no/api/hub' }

beforeAll(async () => {
  hub = await startTestHub()
  let department: number
  ;({ api, comms, department } = await communicationsDesk(hub.payload, 'Kommunikasjon'))
  await hub.payload.create({
    collection: 'users',
    data: {
      email: 'redaktor@example.com',
      password: 'Passord-1234',
      name: 'Redaktør',
      role: 'editor',
      departments: [department],
    },
  })
  editor = await loginCaller(api, 'redaktor@example.com', 'Passord-1234')
})

afterEach(async () => {
  await hub.payload.delete({ collection: 'channel-endpoints', where: { id: { exists: true } } })
})

afterAll(async () => {
  await hub?.cleanup()
})

function fieldsNamed(body: unknown): string[] {
  return ((body as ErrorBody).errors ?? []).flatMap((e) =>
    (e.data?.errors ?? []).map((f) => f.path),
  )
}

/** Sets WEBHOOK_ALLOW_PRIVATE for the rest of the test, whatever the environment says. */
function allowPrivate(allowed = true): void {
  const before = process.env.WEBHOOK_ALLOW_PRIVATE
  if (allowed) process.env.WEBHOOK_ALLOW_PRIVATE = 'true'
  else delete process.env.WEBHOOK_ALLOW_PRIVATE
  onTestFinished(() => {
    if (before === undefined) delete process.env.WEBHOOK_ALLOW_PRIVATE
    else process.env.WEBHOOK_ALLOW_PRIVATE = before
  })
}

async function receiverKnowing(secrets: string[]): Promise<WebsiteReceiver> {
  const receiver = await startWebsiteReceiver({ secrets })
  onTestFinished(() => receiver.close())
  return receiver
}

function post(data: Record<string, unknown>, caller: Caller = comms) {
  return api.rest<Created>('POST', '/channel-endpoints', caller, data)
}

async function create(data: Record<string, unknown> = VALID) {
  const res = await post(data)
  expect(res.status).toBe(201)
  return res.body.doc
}

/** The fields a refused create names; fails unless it was refused with 400. */
async function refusedFields(changes: Record<string, unknown>): Promise<string[]> {
  const res = await post({ ...VALID, ...changes })
  expect(res.status).toBe(400)
  return fieldsNamed(res.body)
}

/** Rotates the endpoint's secret (to `secret`, if given) with the hub clock at `at`. */
async function rotateAt(id: number, at: Date, secret?: string): Promise<Rotated> {
  const restore = setClock(fixedClock(at))
  try {
    const path = `/channel-endpoints/${id}/rotate-secret`
    const res = await api.rest<Rotated>('POST', path, comms, secret ? { secret } : undefined)
    expect(res.status).toBe(200)
    return res.body
  } finally {
    restore()
  }
}

/**
 * An endpoint created with secret `before` and rotated to `after` `ago` milliseconds before now
 * (by the hub clock), then one delivery through the real loader to a receiver that knows
 * `known`. Returns the receiver; a refused delivery is fine, the test looks at the request.
 */
async function endpointRotated(before: string, after: string, ago: number, known: string[]) {
  allowPrivate()
  const receiver = await receiverKnowing(known)
  const doc = await create({ ...VALID, url: receiver.url, secret: before })
  await rotateAt(doc.id, new Date(Date.now() - ago), after)
  await deliverThroughHub(doc.id).catch(() => undefined)
  return receiver
}

/** Publishes the sample item to the endpoint through the real loader, now. */
function deliverThroughHub(id: number) {
  const adapter = websiteAdapter({ loadEndpoints: loadEndpointsFromPayload(hub.payload) })
  return deliverSample(adapter, String(id))
}

describe('channel endpoints: validation', () => {
  it('should refuse a URL that is not http(s) with 400 naming url', async () => {
    expect(await refusedFields({ url: 'ftp://modum.kommune.no/hub' })).toEqual(['url'])
  })

  it.each([
    'http://127.0.0.1:3000/hook',
    'http://10.0.0.7/hook',
    'http://[::1]/hook',
    'http://localhost/hook',
  ])('should refuse %s without the override with 400 naming url', async (url) => {
    allowPrivate(false)
    expect(await refusedFields({ url })).toEqual(['url'])
  })

  it('should accept a private address when WEBHOOK_ALLOW_PRIVATE is true', async () => {
    allowPrivate()
    await create({ ...VALID, url: 'http://127.0.0.1:3000/hook' })
  })

  it('should refuse an unknown event name with 400 naming events', async () => {
    expect(await refusedFields({ events: ['item.published', 'item.deleted'] })).toEqual(['events'])
  })

  it('should refuse a malformed secret with 400 naming secret', async () => {
    expect(await refusedFields({ secret: 'hemmelig' })).toEqual(['secret'])
  })

  it('should store nothing when it refuses', async () => {
    await refusedFields({ url: 'ftp://modum.kommune.no/hub' })
    expect((await hub.payload.count({ collection: 'channel-endpoints' })).totalDocs).toBe(0)
  })
})

describe('channel endpoints: secrets', () => {
  it('should show a generated whsec_ secret in the create response', async () => {
    const doc = await create()
    expect(doc.secret).toMatch(/^whsec_/)
  })

  it('should default to every event and the public audience only', async () => {
    const doc = await create()
    expect(doc.events).toEqual(['item.published', 'item.updated', 'item.retracted'])
    expect(doc.audiences).toEqual(['public'])
  })

  it('should keep a secret given at creation', async () => {
    const secret = `whsec_${Buffer.alloc(32, 7).toString('base64')}`
    const doc = await create({ ...VALID, secret })
    const [endpoint] = await loadEndpointsFromPayload(hub.payload)({ id: String(doc.id) })
    expect(endpoint?.secret).toBe(secret)
  })

  it('should never return the secret on reading one endpoint', async () => {
    const doc = await create()
    const res = await api.rest('GET', `/channel-endpoints/${doc.id}`, comms)
    expect(res.status).toBe(200)
    expect(JSON.stringify(res.body)).not.toContain(doc.secret?.slice(6))
    expect(res.body).not.toHaveProperty('secretCiphertext')
  })

  it('should never return the secret in the list', async () => {
    const doc = await create()
    const res = await api.rest('GET', '/channel-endpoints?depth=0', comms)
    expect(JSON.stringify(res.body)).not.toContain(doc.secret?.slice(6))
    expect(JSON.stringify(res.body)).not.toContain('Ciphertext')
  })

  it('should never return the secret over GraphQL', async () => {
    const doc = await create()
    const res = await api.gql('{ ChannelEndpoints { docs { id name secret } } }', comms)
    expect(JSON.stringify(res.body)).toContain('Modum kommune')
    expect(JSON.stringify(res.body)).not.toContain(doc.secret?.slice(6))
  })

  it('should store the secret only encrypted with the server secret', async () => {
    const doc = await create()
    const stored = await hub.payload.findByID({
      collection: 'channel-endpoints',
      id: doc.id,
      showHiddenFields: true,
    })
    expect(JSON.stringify(stored)).not.toContain(doc.secret?.slice(6))
    expect(openSecret(stored.secretCiphertext ?? '', hub.payload.config.secret)).toBe(doc.secret)
  })

  it('should keep the secret when the endpoint is edited', async () => {
    const doc = await create()
    const res = await api.rest('PATCH', `/channel-endpoints/${doc.id}`, comms, {
      name: 'Ny app',
      secret: 'whsec_x',
    })
    expect(res.status).toBe(200)
    const [endpoint] = await loadEndpointsFromPayload(hub.payload)({ id: String(doc.id) })
    expect(endpoint?.secret).toBe(doc.secret)
  })
})

describe('channel endpoints: rotation', () => {
  it('should return a new secret once and keep the old one for 24 hours', async () => {
    const doc = await create()
    const at = new Date('2026-05-04T10:00:00.000Z')
    const rotated = await rotateAt(doc.id, at)
    expect(rotated.secret).toMatch(/^whsec_/)
    expect(rotated.secret).not.toBe(doc.secret)
    expect(rotated.previousSecretExpiresAt).toBe(new Date(at.getTime() + 24 * HOUR).toISOString())
  })

  it('should sign with both secrets while the old one is valid', async () => {
    const [before, after] = [generateTestSecret(), generateTestSecret()]
    const receiver = await endpointRotated(before, after, 23 * HOUR, [before, after])
    const [request] = receiver.requests
    for (const secret of [before, after]) {
      const headers = request?.headers as Record<string, string>
      expect(() => new Webhook(secret).verify(request?.rawBody ?? '', headers)).not.toThrow()
    }
  })

  it('should be accepted by a receiver that still knows only the old secret', async () => {
    const [before, after] = [generateTestSecret(), generateTestSecret()]
    const receiver = await endpointRotated(before, after, 23 * HOUR, [before])
    expect(receiver.requests[0]?.verified).toBe(true)
  })

  it('should be accepted by a receiver that already knows only the new secret', async () => {
    const [before, after] = [generateTestSecret(), generateTestSecret()]
    const receiver = await endpointRotated(before, after, 23 * HOUR, [after])
    expect(receiver.requests[0]?.verified).toBe(true)
  })

  it('should stop signing with the old secret 24 hours after the rotation', async () => {
    const [before, after] = [generateTestSecret(), generateTestSecret()]
    const receiver = await endpointRotated(before, after, 25 * HOUR, [before])
    expect(receiver.requests[0]?.verified).toBe(false)
  })

  it('should refuse a malformed secret for the rotation with 400 naming secret', async () => {
    const doc = await create()
    const res = await api.rest('POST', `/channel-endpoints/${doc.id}/rotate-secret`, comms, {
      secret: 'x',
    })
    expect(res.status).toBe(400)
    expect(fieldsNamed(res.body)).toEqual(['secret'])
  })

  it('should answer 404 for rotating an endpoint that does not exist', async () => {
    const res = await api.rest('POST', '/channel-endpoints/987654/rotate-secret', comms)
    expect(res.status).toBe(404)
  })
})

describe('channel endpoints: who may manage them', () => {
  const outsiders = [
    ['an editor', () => editor],
    ['an anonymous caller', () => ({})],
  ] as const

  it.each(outsiders)('should not let %s list endpoints', async (_who, caller) => {
    await create()
    expect((await api.rest('GET', '/channel-endpoints', caller())).status).toBe(403)
  })

  it.each(outsiders)('should not let %s create an endpoint', async (_who, caller) => {
    expect((await post(VALID, caller())).status).toBe(403)
    expect((await hub.payload.count({ collection: 'channel-endpoints' })).totalDocs).toBe(0)
  })

  it.each(outsiders)('should not let %s rotate a secret', async (_who, caller) => {
    const doc = await create()
    const res = await api.rest('POST', `/channel-endpoints/${doc.id}/rotate-secret`, caller())
    expect([401, 403]).toContain(res.status)
  })
})

describe('channel endpoints: disabling', () => {
  it('should disable an endpoint with the reason and the time', async () => {
    const doc = await create()
    onTestFinished(setClock(fixedClock('2026-05-04T10:00:00.000Z')))
    await disableEndpoint(hub.payload, String(doc.id), 'Mottakeren svarte 410 Gone')
    const stored = await hub.payload.findByID({ collection: 'channel-endpoints', id: doc.id })
    expect(stored).toMatchObject({
      enabled: false,
      disabledReason: 'Mottakeren svarte 410 Gone',
      disabledAt: '2026-05-04T10:00:00.000Z',
    })
  })

  it('should leave a disabled endpoint out of the targets', async () => {
    const doc = await create()
    await disableEndpoint(hub.payload, String(doc.id), 'Mottakeren svarte 410 Gone')
    const adapter = websiteAdapter({ loadEndpoints: loadEndpointsFromPayload(hub.payload) })
    expect(await adapter.targets()).toEqual([])
  })

  it('should clear the reason when the endpoint is enabled again', async () => {
    const doc = await create()
    await disableEndpoint(hub.payload, String(doc.id), 'Mottakeren svarte 410 Gone')
    await api.rest('PATCH', `/channel-endpoints/${doc.id}`, comms, { enabled: true })
    const stored = await hub.payload.findByID({ collection: 'channel-endpoints', id: doc.id })
    expect(stored).toMatchObject({ enabled: true, disabledReason: null, disabledAt: null })
  })

  it('should do nothing for an endpoint that no longer exists', async () => {
    await expect(disableEndpoint(hub.payload, 987654, 'borte')).resolves.toBeUndefined()
  })
})
