import { fieldSchemasToFormState } from '@payloadcms/ui/forms/fieldSchemasToFormState'
import { getClientConfig } from '@payloadcms/ui/utilities/getClientConfig'
import { getClientSchemaMap } from '@payloadcms/ui/utilities/getClientSchemaMap'
import { getSchemaMap } from '@payloadcms/ui/utilities/getSchemaMap'
import { createLocalReq, docAccessOperation } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { openSecret } from '../../channels/website/secretBox'
import { apiKeyCaller, type Caller, createApi, loginCaller } from '../helpers/api'
import { startTestHub, type TestHub } from '../helpers/testHub'

/**
 * The webhook secret is shown once (create answer, rotate answer) and can never be read back:
 * not over REST, GraphQL or the list, not in the admin's form state, not in versions. Only admin
 * and communications may create endpoints and rotate their secrets.
 */

let hub: TestHub
let api: ReturnType<typeof createApi>
const callers = {} as Record<StaffRole | 'api-client' | 'anonymous', Caller>

type StaffRole = 'admin' | 'communications' | 'leader' | 'editor'
type Created = { doc: { id: number; secret?: string } }
type Rotated = { secret: string; previousSecretExpiresAt: string }

const PASSWORD = 'Passord-1234'
const SLUG = 'channel-endpoints'
const VALID = { name: 'Modum-appen', url: 'https://app.modum.kommune.no/hub' }

beforeAll(async () => {
  hub = await startTestHub()
  api = createApi(hub.payload)
  const department = await hub.payload.create({
    collection: 'departments',
    data: { name: 'Kommunikasjon', kind: 'etat' },
  })
  for (const role of ['admin', 'communications', 'leader', 'editor'] as const) {
    const email = `${role}@example.com`
    await hub.payload.create({
      collection: 'users',
      data: { email, password: PASSWORD, name: role, role, departments: [department.id] },
    })
    callers[role] = await loginCaller(api, email, PASSWORD)
  }
  await hub.payload.create({
    collection: 'users',
    data: {
      email: 'app@example.com',
      password: PASSWORD,
      name: 'Appen',
      role: 'api-client',
      enableAPIKey: true,
      apiKey: 'app-key-0123456789abcdef',
      scopes: ['internal'],
    } as never,
  })
  callers['api-client'] = apiKeyCaller('app-key-0123456789abcdef')
  callers.anonymous = {}
})

afterEach(async () => {
  await hub.payload.delete({ collection: SLUG, where: { id: { exists: true } } })
})

afterAll(async () => {
  await hub?.cleanup()
})

async function create(caller: Caller = callers.communications) {
  const res = await api.rest<Created>('POST', `/${SLUG}`, caller, VALID)
  expect(res.status).toBe(201)
  return { id: res.body.doc.id, secret: res.body.doc.secret ?? '' }
}

async function rotate(id: number, caller: Caller = callers.communications) {
  const res = await api.rest<Rotated>('POST', `/${SLUG}/${id}/rotate-secret`, caller)
  expect(res.status).toBe(200)
  return res.body
}

/** The secret's random part: enough to find it in any answer, whatever it is wrapped in. */
const body = (secret: string) => secret.replace(/^whsec_/, '')

/** Every way an admin or app could read the endpoint back after the one answer. */
async function everyReadBack(id: number): Promise<string> {
  const reads = [
    await api.rest('GET', `/${SLUG}/${id}`, callers.admin),
    await api.rest('GET', `/${SLUG}/${id}?select[secret]=true&select[name]=true`, callers.admin),
    await api.rest('GET', `/${SLUG}?depth=0&limit=100`, callers.communications),
    await api.gql(`{ ChannelEndpoint(id: ${id}) { id name secret } }`, callers.admin),
    await api.gql('{ ChannelEndpoints { docs { id secret } } }', callers.communications),
  ]
  for (const read of reads) expect(read.status).toBe(200)
  return JSON.stringify(reads.map((read) => read.body))
}

/**
 * The edit view's form state for a stored endpoint, built the way Payload's `form-state` server
 * function builds it (its `buildFormState` itself imports the admin's CSS, which Node cannot load
 * outside Next): the document as the admin user reads it, that user's field permissions, and
 * every field rendered.
 */
async function adminFormState(id: number): Promise<string> {
  const { payload } = hub
  const user = await payload.findByID({ collection: 'users', id: await adminId() })
  const req = await createLocalReq({ user: { ...user, collection: 'users' } }, payload)
  const collection = payload.collections[SLUG]
  const data = await payload.findByID({ collection: SLUG, id, depth: 0, user, draft: true })
  const docPermissions = await docAccessOperation({ id, collection, data, req })
  const { config } = payload
  const schemaMap = getSchemaMap({ collectionSlug: SLUG, config, i18n: req.i18n })
  const clientConfig = getClientConfig({ config, i18n: req.i18n, importMap: {}, user: req.user! })
  const state = await fieldSchemasToFormState({
    id,
    clientFieldSchemaMap: getClientSchemaMap({
      collectionSlug: SLUG,
      config: clientConfig,
      i18n: req.i18n,
      payload,
      schemaMap,
    }),
    collectionSlug: SLUG,
    data,
    fields: collection.config.fields,
    fieldSchemaMap: schemaMap,
    operation: 'update',
    permissions: docPermissions.fields,
    preferences: { fields: {} },
    renderAllFields: true,
    renderFieldFn: () => undefined,
    req,
    schemaPath: SLUG,
    skipValidation: true,
  })
  return JSON.stringify({ state, docPermissions })
}

async function adminId(): Promise<number> {
  const found = await hub.payload.find({
    collection: 'users',
    where: { role: { equals: 'admin' } },
  })
  return found.docs[0]!.id
}

describe('webhook secret: shown once', () => {
  it('should return a generated secret in the create answer and never again', async () => {
    const { id, secret } = await create()
    expect(secret).toMatch(/^whsec_/)
    expect(await everyReadBack(id)).not.toContain(body(secret))
  })

  it('should not return the secret in the answer to an edit', async () => {
    const { id, secret } = await create()
    const res = await api.rest('PATCH', `/${SLUG}/${id}`, callers.admin, { name: 'Ny app' })
    expect(res.status).toBe(200)
    expect(JSON.stringify(res.body)).not.toContain(body(secret))
  })

  it('should return a rotated secret once and neither secret afterwards', async () => {
    const { id, secret } = await create()
    const rotated = await rotate(id)
    expect(rotated.secret).toMatch(/^whsec_/)
    const readBack = await everyReadBack(id)
    expect(readBack).not.toContain(body(rotated.secret))
    expect(readBack).not.toContain(body(secret))
    expect(readBack).not.toContain('Ciphertext')
  })

  it('should show the previous secret expiry, not the secret, after a rotation', async () => {
    const { id } = await create()
    const rotated = await rotate(id)
    const res = await api.rest<{ previousSecretExpiresAt?: string }>(
      'GET',
      `/${SLUG}/${id}`,
      callers.admin,
    )
    expect(res.body.previousSecretExpiresAt).toBe(rotated.previousSecretExpiresAt)
  })

  it('should show the secret once in a GraphQL create and not in a GraphQL read', async () => {
    const data = `name: "App", url: "${VALID.url}", events: [item_published], audiences: [public]`
    const mutation = `mutation { createChannelEndpoint(data: { ${data} }) { id secret } }`
    const res = await api.gql<{ data: { createChannelEndpoint: { id: number; secret: string } } }>(
      mutation,
      callers.admin,
    )
    const { id, secret } = res.body.data.createChannelEndpoint
    expect(secret).toMatch(/^whsec_/)
    expect(await everyReadBack(id)).not.toContain(body(secret))
  })

  it("should keep the secret out of the admin's form state for a stored endpoint", async () => {
    const { id, secret } = await create()
    const rotated = await rotate(id)
    const formState = await adminFormState(id)
    expect(formState).toContain('Modum-appen')
    expect(formState).not.toContain(body(secret))
    expect(formState).not.toContain(body(rotated.secret))
    expect((JSON.parse(formState) as { state: object }).state).not.toHaveProperty('secret')
  })

  it("should let the admin's create form take a receiver's own secret", () => {
    const secret = hub.payload.collections[SLUG].config.flattenedFields.find(
      (field) => field.name === 'secret',
    )
    // Payload turns virtual fields read-only in the admin unless the field says otherwise.
    expect(secret?.type === 'text' && secret.admin?.readOnly).toBe(false)
  })

  it('should keep no versions of endpoints that could hold a secret', () => {
    expect(hub.payload.collections[SLUG].config.versions).toBeFalsy()
  })

  it('should refuse to duplicate an endpoint into one with a secret nobody saw', async () => {
    const { id } = await create()
    const res = await api.rest('POST', `/${SLUG}/${id}/duplicate`, callers.admin, {})
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect((await hub.payload.count({ collection: SLUG })).totalDocs).toBe(1)
  })
})

describe('webhook secret: who may create and rotate', () => {
  it.each(['admin', 'communications'] as const)(
    'should let %s create an endpoint, see its secret once and rotate it',
    async (role) => {
      const { id, secret } = await create(callers[role])
      expect(secret).toMatch(/^whsec_/)
      const rotated = await rotate(id, callers[role])
      expect(rotated.secret).not.toBe(secret)
    },
  )

  const outsiders = ['leader', 'editor', 'api-client', 'anonymous'] as const

  it.each(outsiders)('should not let %s create an endpoint', async (role) => {
    const res = await api.rest('POST', `/${SLUG}`, callers[role], VALID)
    expect(res.status).toBe(403)
    expect((await hub.payload.count({ collection: SLUG })).totalDocs).toBe(0)
  })

  it.each(outsiders)('should not let %s read an endpoint', async (role) => {
    const { id, secret } = await create()
    const one = await api.rest('GET', `/${SLUG}/${id}`, callers[role])
    const list = await api.rest('GET', `/${SLUG}`, callers[role])
    const gql = await api.gql(`{ ChannelEndpoint(id: ${id}) { id name } }`, callers[role])
    expect([401, 403, 404]).toContain(one.status)
    expect(list.status).toBe(403)
    expect(JSON.stringify([one.body, list.body, gql.body])).not.toContain('Modum-appen')
    expect(JSON.stringify(gql.body)).not.toContain(body(secret))
  })

  it.each(outsiders)('should not let %s rotate a secret', async (role) => {
    const { id, secret } = await create()
    const res = await api.rest('POST', `/${SLUG}/${id}/rotate-secret`, callers[role])
    expect([401, 403]).toContain(res.status)
    expect(JSON.stringify(res.body)).not.toContain('whsec_')
    const stored = await hub.payload.findByID({ collection: SLUG, id, showHiddenFields: true })
    expect(openSecret(stored.secretCiphertext ?? '', hub.payload.config.secret)).toBe(secret)
    expect(stored.previousSecretCiphertext ?? null).toBeNull()
  })
})
