import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { claimDue } from '../../src/outbox/claimDue'
import { claimStatement, pgStatement } from '../../src/outbox/pgStatements'
import { releaseClaims } from '../../src/outbox/releaseClaims'
import { settleDelivery } from '../../src/outbox/settleDelivery'
import { startTestHub, testDatabase, type TestHub } from '../helpers/testHub'

let hub: TestHub
let sequence = 0
const T0 = new Date('2026-12-01T09:00:00.000Z')
const LEASE = 60_000

async function delivery(
  fields: Partial<{
    itemId: string
    target: string
    action: 'publish' | 'update' | 'retract'
    nextAttemptAt: string | null
    snapshot: Record<string, unknown>
  }> = {},
) {
  sequence += 1
  return hub.payload.create({
    collection: 'deliveries',
    data: {
      itemCollection: 'news',
      itemId: fields.itemId ?? `item-${sequence}`,
      itemUid: fields.itemId ?? `item-${sequence}`,
      itemTitle: 'Test',
      revision: 1,
      channel: 'website',
      target: fields.target ?? 'endpoint-1',
      action: fields.action ?? 'publish',
      status: 'pending',
      attempts: 0,
      nextAttemptAt: fields.nextAttemptAt === undefined ? T0.toISOString() : fields.nextAttemptAt,
      idempotencyKey: `key-${sequence}`,
      snapshot: fields.snapshot,
    },
  })
}

beforeAll(async () => {
  hub = await startTestHub()
})

beforeEach(async () => {
  await hub.payload.delete({ collection: 'delivery-attempts', where: { id: { exists: true } } })
  await hub.payload.delete({ collection: 'deliveries', where: { id: { exists: true } } })
})

afterAll(async () => {
  await hub?.cleanup()
})

describe('claimDue', () => {
  it('should claim due rows and leave rows whose time has not come', async () => {
    const due = await delivery()
    await delivery({ nextAttemptAt: new Date(T0.getTime() + 60_000).toISOString() })
    const claimed = await claimDue(hub.payload, { now: T0, leaseMs: LEASE, limit: 10 })
    expect(claimed.map((c) => c.id)).toEqual([due.id])
  })

  it('should count the attempt at claim and mark the row in flight with a lease', async () => {
    const row = await delivery()
    const [claimed] = await claimDue(hub.payload, { now: T0, leaseMs: LEASE, limit: 10 })
    expect(claimed?.attempts).toBe(1)
    const stored = await hub.payload.findByID({ collection: 'deliveries', id: row.id })
    expect(stored).toMatchObject({
      status: 'in_flight',
      attempts: 1,
      leaseToken: claimed?.leaseToken,
    })
    expect(new Date(stored.leaseUntil ?? 0).getTime()).toBe(T0.getTime() + LEASE)
  })

  it('should not claim a row in flight while its lease holds', async () => {
    await delivery()
    await claimDue(hub.payload, { now: T0, leaseMs: LEASE, limit: 10 })
    const again = await claimDue(hub.payload, {
      now: new Date(T0.getTime() + LEASE - 1),
      leaseMs: LEASE,
      limit: 10,
    })
    expect(again).toEqual([])
  })

  it('should make a row claimable again once its lease has expired, counting another attempt', async () => {
    await delivery()
    const [first] = await claimDue(hub.payload, { now: T0, leaseMs: LEASE, limit: 10 })
    const [second] = await claimDue(hub.payload, {
      now: new Date(T0.getTime() + LEASE + 1),
      leaseMs: LEASE,
      limit: 10,
    })
    expect(second?.id).toBe(first?.id)
    expect(second?.attempts).toBe(2)
    expect(second?.leaseToken).not.toBe(first?.leaseToken)
  })

  it('should hold back a later delivery for the same item and target until the earlier one is settled', async () => {
    const publish = await delivery({ itemId: 'same', action: 'publish' })
    const retract = await delivery({ itemId: 'same', action: 'retract' })
    const other = await delivery({ itemId: 'same', target: 'endpoint-2', action: 'publish' })
    const firstRound = await claimDue(hub.payload, { now: T0, leaseMs: LEASE, limit: 10 })
    expect(firstRound.map((c) => c.id).sort()).toEqual([publish.id, other.id].sort())
    expect(await claimDue(hub.payload, { now: T0, leaseMs: LEASE, limit: 10 })).toEqual([])
    const claimedPublish = firstRound.find((c) => c.id === publish.id)!
    await settleDelivery(
      hub.payload,
      claimedPublish,
      { outcome: 'delivered', statusCode: 200 },
      { now: T0, startedAt: T0, worker: 'test' },
    )
    const next = await claimDue(hub.payload, { now: T0, leaseMs: LEASE, limit: 10 })
    expect(next.map((c) => c.id)).toEqual([retract.id])
  })

  it('should hand every row to exactly one of many concurrent claimers', async () => {
    for (let i = 0; i < 120; i++) await delivery()
    const seen: number[] = []
    const claimer = async () => {
      for (;;) {
        const batch = await claimDue(hub.payload, { now: T0, leaseMs: LEASE, limit: 7 })
        if (batch.length === 0) return
        seen.push(...batch.map((c) => c.id))
      }
    }
    await Promise.all(Array.from({ length: 6 }, claimer))
    expect(seen).toHaveLength(120)
    expect(new Set(seen).size).toBe(120)
  })
})

describe('claimDue after crashes', () => {
  it('should mark a row dead instead of reclaiming it once every attempt ended with its worker gone', async () => {
    const row = await delivery()
    for (let i = 0; i < 8; i++) {
      const [claimed] = await claimDue(hub.payload, {
        now: new Date(T0.getTime() + i * (LEASE + 1)),
        leaseMs: LEASE,
        limit: 1,
      })
      expect(claimed?.attempts).toBe(i + 1)
    }
    const after = await claimDue(hub.payload, {
      now: new Date(T0.getTime() + 8 * (LEASE + 1)),
      leaseMs: LEASE,
      limit: 1,
    })
    expect(after).toEqual([])
    expect((await hub.payload.findByID({ collection: 'deliveries', id: row.id })).status).toBe(
      'dead',
    )
  })
})

describe('claimDue and snapshots', () => {
  const item = (revision: number) => ({ title: 'Sak', revision, lead: 'Ingress '.repeat(40) })

  it('should give the targets of an item one shared snapshot, and another revision its own', async () => {
    const rows = [
      await delivery({ itemId: 'shared', target: 'a', snapshot: item(1) }),
      await delivery({ itemId: 'shared', target: 'b', snapshot: item(1) }),
      await delivery({ itemId: 'shared', target: 'c', snapshot: item(2) }),
    ]
    const claimed = await claimDue(hub.payload, { now: T0, leaseMs: LEASE, limit: 10 })
    expect(claimed.map((c) => c.id)).toEqual(rows.map((r) => r.id))
    const [a, b, c] = claimed
    expect(a?.snapshot).toEqual(item(1))
    expect(b?.snapshot).toBe(a?.snapshot)
    expect(c?.snapshot).toEqual(item(2))
  })

  it.runIf(testDatabase() === 'postgres')(
    'should send the text of a snapshot only once per claim on PostgreSQL',
    async () => {
      await delivery({ itemId: 'shared', target: 'a', snapshot: item(1) })
      await delivery({ itemId: 'shared', target: 'b', snapshot: item(1) })
      await delivery({ itemId: 'other', target: 'a', snapshot: item(1) })
      const { name, text } = claimStatement(10, false)
      const rows = await pgStatement(hub.payload, name, text)([T0, T0, 'token'])
      const texts = rows.map((r) => [r.item_uid, typeof r.snapshot === 'string'])
      expect(texts.sort()).toEqual([
        ['other', true],
        ['shared', false],
        ['shared', true],
      ])
    },
  )
})

describe('claimDue without a sweep', () => {
  it('should not reclaim a row whose every attempt ended with its worker gone', async () => {
    const row = await delivery()
    for (let i = 0; i < 8; i++) {
      await claimDue(hub.payload, {
        now: new Date(T0.getTime() + i * (LEASE + 1)),
        leaseMs: LEASE,
        limit: 1,
      })
    }
    const after = await claimDue(hub.payload, {
      now: new Date(T0.getTime() + 8 * (LEASE + 1)),
      leaseMs: LEASE,
      limit: 1,
      sweepDead: false,
    })
    expect(after).toEqual([])
    const stored = await hub.payload.findByID({ collection: 'deliveries', id: row.id })
    expect(stored).toMatchObject({ status: 'in_flight', attempts: 8 })
  })
})

describe('releaseClaims', () => {
  it('should give a first claim back as pending with its attempt taken back', async () => {
    const row = await delivery()
    const claimed = await claimDue(hub.payload, { now: T0, leaseMs: LEASE, limit: 10 })
    expect(await releaseClaims(hub.payload, claimed, T0)).toEqual([row.id])
    const after = await hub.payload.findByID({ collection: 'deliveries', id: row.id })
    expect(after).toMatchObject({ status: 'pending', attempts: 0, leaseToken: null })
    expect((await claimDue(hub.payload, { now: T0, leaseMs: LEASE, limit: 10 }))[0]?.id).toBe(
      row.id,
    )
  })

  it('should give a row that had attempts before back as retrying', async () => {
    const row = await delivery()
    await claimDue(hub.payload, { now: T0, leaseMs: LEASE, limit: 10 })
    const later = new Date(T0.getTime() + LEASE + 1)
    const reclaimed = await claimDue(hub.payload, { now: later, leaseMs: LEASE, limit: 10 })
    await releaseClaims(hub.payload, reclaimed, later)
    const after = await hub.payload.findByID({ collection: 'deliveries', id: row.id })
    expect(after).toMatchObject({ status: 'retrying', attempts: 1 })
  })

  it('should leave a row alone once another worker holds its lease', async () => {
    const row = await delivery()
    const [claimed] = await claimDue(hub.payload, { now: T0, leaseMs: LEASE, limit: 10 })
    if (!claimed) throw new Error('expected a claimed row')
    const stale = { ...claimed, leaseToken: 'someone-else' }
    expect(await releaseClaims(hub.payload, [stale], T0)).toEqual([])
    const after = await hub.payload.findByID({ collection: 'deliveries', id: row.id })
    expect(after).toMatchObject({ status: 'in_flight', attempts: 1 })
  })
})

describe('settleDelivery', () => {
  it('should mark a delivered row delivered with its external id and log the attempt', async () => {
    const row = await delivery()
    const [claimed] = await claimDue(hub.payload, { now: T0, leaseMs: LEASE, limit: 1 })
    const result = await settleDelivery(
      hub.payload,
      claimed!,
      {
        outcome: 'delivered',
        statusCode: 200,
        receipt: { externalId: 'post-1', externalUrl: 'https://example.org/p/1' },
      },
      { now: new Date(T0.getTime() + 120), startedAt: T0, worker: 'w1' },
    )
    expect(result.status).toBe('delivered')
    const stored = await hub.payload.findByID({ collection: 'deliveries', id: row.id })
    expect(stored).toMatchObject({
      status: 'delivered',
      externalId: 'post-1',
      leaseToken: null,
      receipt: { externalId: 'post-1', externalUrl: 'https://example.org/p/1' },
    })
    const attempts = await hub.payload.find({
      collection: 'delivery-attempts',
      where: { delivery: { equals: row.id } },
    })
    expect(attempts.docs).toHaveLength(1)
    expect(attempts.docs[0]).toMatchObject({
      attempt: 1,
      outcome: 'delivered',
      statusCode: 200,
      durationMs: 120,
      worker: 'w1',
    })
  })

  it('should schedule a transient failure for retry after the first step of the table', async () => {
    const row = await delivery()
    const [claimed] = await claimDue(hub.payload, { now: T0, leaseMs: LEASE, limit: 1 })
    const result = await settleDelivery(
      hub.payload,
      claimed!,
      { outcome: 'transient', statusCode: 503, error: 'HTTP 503' },
      { now: T0, startedAt: T0, worker: 'w1', random: () => 0.5 },
    )
    expect(result).toEqual({ status: 'retrying', nextAttemptAt: new Date(T0.getTime() + 5000) })
    const stored = await hub.payload.findByID({ collection: 'deliveries', id: row.id })
    expect(stored).toMatchObject({ status: 'retrying', lastStatusCode: 503, lastError: 'HTTP 503' })
    expect(
      await claimDue(hub.payload, { now: new Date(T0.getTime() + 4999), leaseMs: LEASE, limit: 1 }),
    ).toEqual([])
    expect(
      await claimDue(hub.payload, { now: new Date(T0.getTime() + 5000), leaseMs: LEASE, limit: 1 }),
    ).toHaveLength(1)
  })

  it('should mark a permanent failure dead at once', async () => {
    await delivery()
    const [claimed] = await claimDue(hub.payload, { now: T0, leaseMs: LEASE, limit: 1 })
    const result = await settleDelivery(
      hub.payload,
      claimed!,
      { outcome: 'permanent', statusCode: 400, error: 'HTTP 400' },
      { now: T0, startedAt: T0, worker: 'w1' },
    )
    expect(result.status).toBe('dead')
  })

  it('should refuse to settle for a worker whose lease was taken over, but still log its attempt', async () => {
    const row = await delivery()
    const [stale] = await claimDue(hub.payload, { now: T0, leaseMs: LEASE, limit: 1 })
    const [fresh] = await claimDue(hub.payload, {
      now: new Date(T0.getTime() + LEASE + 1),
      leaseMs: LEASE,
      limit: 1,
    })
    const result = await settleDelivery(
      hub.payload,
      stale!,
      { outcome: 'delivered', statusCode: 200 },
      { now: T0, startedAt: T0, worker: 'stale' },
    )
    expect(result.status).toBe('lease-lost')
    const stored = await hub.payload.findByID({ collection: 'deliveries', id: row.id })
    expect(stored).toMatchObject({ status: 'in_flight', leaseToken: fresh?.leaseToken })
    expect((await hub.payload.count({ collection: 'delivery-attempts' })).totalDocs).toBe(1)
  })
})
