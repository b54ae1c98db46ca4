import type { CollectionSlug, Payload } from 'payload'

import { apiKeyCaller, type Caller, createApi, loginCaller } from './api'

export const ITEM_COLLECTIONS = ['news', 'events', 'service-messages'] as const
export type ItemCollection = (typeof ITEM_COLLECTIONS)[number]

export const STATES = [
  'published',
  'both',
  'draft',
  'internal',
  'embargoed',
  'expired',
  'scheduled',
  'otherDepartment',
  'retracted',
] as const
export type ItemState = (typeof STATES)[number]

export const CALLERS = [
  'anonymous',
  'apiClientPublic',
  'apiClientInternal',
  'editorOtherDepartment',
  'editorOwnDepartment',
  'communications',
] as const
export type CallerName = (typeof CALLERS)[number]

const DAY = 24 * 60 * 60 * 1000
const PASSWORD = 'Test-passord-1234'

/** What each caller may read, stated independently of the access code under test. */
export function mayRead(caller: CallerName, state: ItemState): boolean {
  if (
    caller === 'editorOtherDepartment' ||
    caller === 'editorOwnDepartment' ||
    caller === 'communications'
  ) {
    return true
  }
  if (
    state === 'draft' ||
    state === 'embargoed' ||
    state === 'expired' ||
    state === 'scheduled' ||
    state === 'retracted'
  ) {
    return false
  }
  if (state === 'internal') return caller === 'apiClientInternal'
  return true
}

/** Who may change an item of department A (all states but otherDepartment, which is B's). */
export function mayWrite(caller: CallerName, state: ItemState): boolean {
  if (caller === 'communications') return true
  if (caller === 'editorOwnDepartment') return state !== 'otherDepartment'
  if (caller === 'editorOtherDepartment') return state === 'otherDepartment'
  return false
}

export type AccessWorld = {
  api: ReturnType<typeof createApi>
  callers: Record<CallerName, Caller>
  items: Record<ItemCollection, Record<ItemState, number | string>>
  departments: { a: number | string; b: number | string }
}

function typeFields(collection: ItemCollection, now: number): Record<string, unknown> {
  switch (collection) {
    case 'news':
      return { type: 'news' }
    case 'events':
      return {
        startsAt: new Date(now + 10 * DAY).toISOString(),
        endsAt: new Date(now + 10 * DAY + 2 * 60 * 60 * 1000).toISOString(),
        place: 'Rådhuset',
      }
    case 'service-messages':
      return {
        area: 'Geithus',
        severity: 'warning',
        expiresAt: new Date(now + 30 * DAY).toISOString(),
      }
  }
}

function stateFields(state: ItemState, now: number, a: number | string, b: number | string) {
  // Every item chooses the portal and signage, so their matrices cover every state.
  const base = {
    audience: 'public',
    department: a,
    _status: 'published',
    channels: ['website', 'feeds', 'portal', 'signage'],
  } as Record<string, unknown>
  switch (state) {
    case 'published':
      return base
    case 'both':
      return { ...base, audience: 'both' }
    case 'draft':
      return { ...base, _status: 'draft' }
    case 'internal':
      // Chooses the public feeds and screens too: the outbox must keep it out of them
      // (feedsAccess.test.ts, the signage matrix).
      return { ...base, audience: 'internal', channels: ['portal', 'feeds', 'signage'] }
    case 'embargoed':
      return { ...base, embargoUntil: new Date(now + 2 * DAY).toISOString() }
    case 'expired':
      return {
        ...base,
        publishAt: new Date(now - 10 * DAY).toISOString(),
        expiresAt: new Date(now - DAY).toISOString(),
      }
    case 'scheduled':
      return { ...base, publishAt: new Date(now + 3 * DAY).toISOString() }
    case 'otherDepartment':
      return { ...base, department: b }
    case 'retracted':
      // Published here; `buildAccessWorld` unpublishes it once every item is in.
      return base
  }
}

export type AccessWorldOptions = {
  /**
   * Runs once every item is created, before the `retracted` ones are unpublished: a test that
   * delivers (e.g. the portal feed) dispatches here, so those items really go out and come back.
   */
  beforeRetract?: () => Promise<unknown>
}

export async function buildAccessWorld(
  payload: Payload,
  options: AccessWorldOptions = {},
): Promise<AccessWorld> {
  const now = Date.now()
  const a = await payload.create({
    collection: 'departments',
    data: { name: 'Oppvekst', kind: 'etat' },
  })
  const b = await payload.create({
    collection: 'departments',
    data: { name: 'Kultur', kind: 'etat' },
  })
  const user = (email: string, role: string, extra: Record<string, unknown> = {}) =>
    payload.create({
      collection: 'users',
      data: { email, password: PASSWORD, name: email, role, ...extra } as never,
    })
  await user('editor.a@example.com', 'editor', { departments: [a.id] })
  await user('editor.b@example.com', 'editor', { departments: [b.id] })
  await user('comms@example.com', 'communications')
  await user('app.public@example.com', 'api-client', {
    enableAPIKey: true,
    apiKey: 'public-key-0123456789abcdef',
  })
  await user('app.internal@example.com', 'api-client', {
    enableAPIKey: true,
    apiKey: 'internal-key-0123456789abcdef',
    scopes: ['internal'],
  })
  const api = createApi(payload)
  const callers: Record<CallerName, Caller> = {
    anonymous: {},
    apiClientPublic: apiKeyCaller('public-key-0123456789abcdef'),
    apiClientInternal: apiKeyCaller('internal-key-0123456789abcdef'),
    editorOtherDepartment: await loginCaller(api, 'editor.b@example.com', PASSWORD),
    editorOwnDepartment: await loginCaller(api, 'editor.a@example.com', PASSWORD),
    communications: await loginCaller(api, 'comms@example.com', PASSWORD),
  }
  const items = {} as AccessWorld['items']
  for (const collection of ITEM_COLLECTIONS) {
    items[collection] = {} as Record<ItemState, number | string>
    for (const state of STATES) {
      const data = {
        title: `${collection} ${state}`,
        slug: `${collection}-${state}`.toLowerCase(),
        ...typeFields(collection, now),
        ...stateFields(state, now, a.id, b.id),
      }
      const doc = await payload.create({
        collection: collection as CollectionSlug,
        data: data as never,
        draft: state === 'draft',
      })
      items[collection][state] = doc.id
    }
  }
  await options.beforeRetract?.()
  for (const collection of ITEM_COLLECTIONS) {
    await payload.update({
      collection,
      id: items[collection].retracted,
      data: { _status: 'draft' } as never,
    })
  }
  return { api, callers, items, departments: { a: a.id, b: b.id } }
}

/**
 * The same states as press releases (with a press contact), for the press room's surfaces
 * (/press, /api/press-kit). Separate from `buildAccessWorld`, so other surfaces keep their items.
 */
export async function addPressReleasesInEveryState(
  payload: Payload,
  world: AccessWorld,
): Promise<Record<ItemState, number | string>> {
  const now = Date.now()
  const ids = {} as Record<ItemState, number | string>
  for (const state of STATES) {
    const doc = await payload.create({
      collection: 'news',
      data: {
        title: `press ${state}`,
        slug: `press-${state}`.toLowerCase(),
        type: 'press-release',
        contact: { name: `Kontakt ${state}`, phone: '+47 400 00 000' },
        ...stateFields(state, now, world.departments.a, world.departments.b),
      } as never,
      draft: state === 'draft',
    })
    ids[state] = doc.id
  }
  await payload.update({ collection: 'news', id: ids.retracted, data: { _status: 'draft' } })
  return ids
}

/** The states a Facebook post depends on, each tried with every audience (see below). */
export const FACEBOOK_STATES = [
  'published',
  'draft',
  'embargoed',
  'expired',
  'scheduled',
  'otherDepartment',
] as const satisfies readonly ItemState[]
export type FacebookState = (typeof FACEBOOK_STATES)[number]
export const AUDIENCES = ['public', 'both', 'internal'] as const
export type Audience = (typeof AUDIENCES)[number]

/** Whether an item may be posted on the public Facebook Page: live, and not internal. */
export function mayReachFacebook(state: FacebookState, audience: Audience): boolean {
  return audience !== 'internal' && (state === 'published' || state === 'otherDepartment')
}

export type FacebookWorldItem = {
  collection: ItemCollection
  state: FacebookState
  audience: Audience
  id: number | string
  slug: string
  title: string
}

/**
 * Every item collection × FACEBOOK_STATES × AUDIENCES, each choosing Facebook: the public and
 * `both` ones as editors can, internal drafts too (drafts are saved without validation), and the
 * other internal ones written past validation straight into the database, as a bug or an import
 * could leave them, so the outbox and the adapter have to refuse them on their own.
 */
export async function addItemsForFacebook(
  payload: Payload,
  world: AccessWorld,
): Promise<FacebookWorldItem[]> {
  const now = Date.now()
  const { a, b } = world.departments
  const items: FacebookWorldItem[] = []
  for (const collection of ITEM_COLLECTIONS) {
    for (const state of FACEBOOK_STATES) {
      for (const audience of AUDIENCES) {
        const refused = audience === 'internal' && state !== 'draft'
        const slug = `${collection}-fb-${state}-${audience}`.toLowerCase()
        const title = `${collection} fb ${state} ${audience}`
        const doc = await payload.create({
          collection: collection as CollectionSlug,
          data: {
            title,
            slug,
            ...typeFields(collection, now),
            ...stateFields(state, now, a, b),
            audience,
            channels: refused ? ['portal'] : ['website', 'facebook'],
          } as never,
          draft: state === 'draft',
        })
        if (refused) {
          await payload.db.updateOne({
            collection,
            id: doc.id,
            data: { channels: ['portal', 'facebook'] },
          })
        }
        items.push({ collection, state, audience, id: doc.id, slug, title })
      }
    }
  }
  return items
}
