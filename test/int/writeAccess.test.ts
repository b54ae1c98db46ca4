import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  buildAccessWorld,
  CALLERS,
  ITEM_COLLECTIONS,
  mayWrite,
  STATES,
  type AccessWorld,
} from '../helpers/accessFixtures'
import { startTestHub, type TestHub } from '../helpers/testHub'

let hub: TestHub
let world: AccessWorld

beforeAll(async () => {
  hub = await startTestHub()
  world = await buildAccessWorld(hub.payload)
})

afterAll(async () => {
  await hub?.cleanup()
})

describe.each(ITEM_COLLECTIONS)('write access on %s', (collection) => {
  describe.each(CALLERS)('as %s', (caller) => {
    it.each(STATES)(
      'should let the caller change the %s item only when permitted',
      async (state) => {
        const id = world.items[collection][state]
        const before = await hub.payload.findByID({ collection, id, draft: true })
        const res = await world.api.rest(
          'PATCH',
          `/${collection}/${id}?draft=true`,
          world.callers[caller],
          {
            lead: `endret av ${caller}`,
          },
        )
        const after = await hub.payload.findByID({ collection, id, draft: true })
        if (mayWrite(caller, state)) {
          expect(res.status).toBe(200)
          expect(after.lead).toBe(`endret av ${caller}`)
        } else {
          expect([401, 403, 404]).toContain(res.status)
          expect(after.lead).toBe(before.lead)
        }
      },
    )
  })

  it('should not let an editor move an item into a department that is not theirs', async () => {
    const id = world.items[collection].published
    const res = await world.api.rest(
      'PATCH',
      `/${collection}/${id}`,
      world.callers.editorOwnDepartment,
      {
        department: world.departments.b,
      },
    )
    expect([403, 404]).toContain(res.status)
    const after = await hub.payload.findByID({ collection, id, depth: 0 })
    expect(after.department).toEqual(world.departments.a)
  })

  it.each(['anonymous', 'apiClientPublic', 'apiClientInternal'] as const)(
    'should refuse creation by %s',
    async (caller) => {
      const before = (await hub.payload.count({ collection })).totalDocs
      const res = await world.api.rest('POST', `/${collection}`, world.callers[caller], {
        title: 'Uønsket',
        department: world.departments.a,
      })
      expect([401, 403]).toContain(res.status)
      expect((await hub.payload.count({ collection })).totalDocs).toBe(before)
    },
  )

  it('should refuse creation by an editor in another department', async () => {
    const res = await world.api.rest(
      'POST',
      `/${collection}`,
      world.callers.editorOtherDepartment,
      {
        title: 'Feil avdeling',
        department: world.departments.a,
      },
    )
    expect(res.status).toBe(403)
  })
})
