import { createLocalReq, initTransaction, killTransaction, commitTransaction } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestHub, type TestHub } from '../helpers/testHub'

let hub: TestHub

beforeAll(async () => {
  hub = await startTestHub()
})

afterAll(async () => {
  await hub?.cleanup()
})

describe('transactions', () => {
  it('should roll back every write made with a request whose transaction is killed', async () => {
    const { payload } = hub
    const req = await createLocalReq({}, payload)
    expect(await initTransaction(req)).toBe(true)
    await payload.create({
      collection: 'departments',
      data: { name: 'Rullet tilbake', kind: 'etat' },
      req,
    })
    await payload.create({ collection: 'categories', data: { name: 'Rullet tilbake' }, req })
    await killTransaction(req)
    expect(
      (
        await payload.count({
          collection: 'departments',
          where: { slug: { equals: 'rullet-tilbake' } },
        })
      ).totalDocs,
    ).toBe(0)
    expect(
      (
        await payload.count({
          collection: 'categories',
          where: { slug: { equals: 'rullet-tilbake' } },
        })
      ).totalDocs,
    ).toBe(0)
  })

  it('should keep every write made with a request whose transaction commits', async () => {
    const { payload } = hub
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    await payload.create({ collection: 'departments', data: { name: 'Lagret', kind: 'etat' }, req })
    await commitTransaction(req)
    expect(
      (await payload.count({ collection: 'departments', where: { slug: { equals: 'lagret' } } }))
        .totalDocs,
    ).toBe(1)
  })

  it('should complete many concurrent writes without lock errors', async () => {
    const { payload } = hub
    const names = Array.from({ length: 25 }, (_, i) => `Samtidig ${i}`)
    const results = await Promise.allSettled(
      names.map((name) => payload.create({ collection: 'categories', data: { name } })),
    )
    expect(results.filter((r) => r.status === 'rejected')).toEqual([])
    expect(
      (await payload.count({ collection: 'categories', where: { name: { like: 'Samtidig' } } }))
        .totalDocs,
    ).toBe(25)
  })
})
