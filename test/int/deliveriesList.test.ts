import type { Where } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  deliveriesListHref,
  whereSearchParams,
  withEquals,
} from '../../collections/Deliveries/components/listWhere'
import { DELIVERY_STATUS_LABELS } from '../../collections/Deliveries/statusLabels'
import type { DeliveryStatus } from '../../src/outbox/deliveryStates'
import { type Caller, type createApi } from '../helpers/api'
import { communicationsDesk } from '../helpers/communicationsDesk'
import { startTestHub, type TestHub } from '../helpers/testHub'

/**
 * The Deliveries list in the admin: the quick filters and the Distribution panel's link produce
 * `where` queries that Payload's list runs as the signed-in editor. These run the same queries
 * through REST on each database.
 */

let hub: TestHub
let api: ReturnType<typeof createApi>
let comms: Caller
let serial = 0

type Row = { id: number; itemTitle: string; channel: string; status: string }

async function delivery(
  itemUid: string,
  itemTitle: string,
  channel: string,
  status: DeliveryStatus,
) {
  serial += 1
  return hub.payload.create({
    collection: 'deliveries',
    data: {
      itemCollection: 'news',
      itemId: String(serial),
      itemUid,
      itemTitle,
      revision: 1,
      channel,
      target: 't',
      targetName: 'Mottaker',
      action: 'publish',
      status,
      attempts: 0,
      idempotencyKey: `list-${serial}`,
    },
  })
}

async function list(where: Where, caller: Caller = comms): Promise<Row[]> {
  const query = `${whereSearchParams(where).toString()}&depth=0&limit=100&sort=id`
  const res = await api.rest<{ docs: Row[] }>('GET', `/deliveries?${query}`, caller)
  expect(res.status).toBe(200)
  return res.body.docs
}

const titles = (rows: Row[]) => rows.map((row) => `${row.itemTitle}/${row.channel}/${row.status}`)

beforeAll(async () => {
  hub = await startTestHub()
  ;({ api, comms } = await communicationsDesk(hub.payload, 'Kommunikasjon'))
  await delivery('uid-vann', 'Vannet stengt', 'website', 'dead')
  await delivery('uid-vann', 'Vannet stengt', 'facebook', 'delivered')
  await delivery('uid-vann', 'Vannet stengt', 'slack', 'retrying')
  await delivery('uid-konsert', 'Konsert i parken', 'website', 'delivered')
  await delivery('uid-konsert', 'Konsert i parken', 'website', 'in_flight')
})

afterAll(async () => {
  await hub?.cleanup()
})

describe('deliveries list: quick filters', () => {
  it('should show only dead deliveries for "Feilet (død)"', async () => {
    expect(titles(await list(withEquals({}, 'status', 'dead')))).toEqual([
      'Vannet stengt/website/dead',
    ])
  })

  it('should combine a status with a channel', async () => {
    const where = withEquals(withEquals({}, 'status', 'delivered'), 'channel', 'website')
    expect(titles(await list(where))).toEqual(['Konsert i parken/website/delivered'])
  })

  it("should keep the item filter when the status changes, as the panel's link needs", async () => {
    const forItem = withEquals({}, 'itemUid', 'uid-vann')
    expect(await list(forItem)).toHaveLength(3)
    const retrying = withEquals(forItem, 'status', 'retrying')
    expect(titles(await list(retrying))).toEqual(['Vannet stengt/slack/retrying'])
  })

  it('should show everything again once the last filter is removed', async () => {
    const cleared = withEquals(withEquals({}, 'status', 'dead'), 'status')
    expect(await list(cleared)).toHaveLength(5)
  })

  it("should run the Distribution panel's link as the list runs it", async () => {
    const href = deliveriesListHref('/admin', { itemUid: 'uid-konsert' })
    const query = href.slice(href.indexOf('?') + 1)
    const res = await api.rest<{ docs: Row[] }>('GET', `/deliveries?${query}&depth=0`, comms)
    expect(res.body.docs.map((row) => row.itemTitle)).toEqual([
      'Konsert i parken',
      'Konsert i parken',
    ])
  })

  it("should find an item's deliveries by title or uid with the list search", async () => {
    const fields = hub.payload.collections.deliveries.config.admin.listSearchableFields
    expect(fields).toEqual(['itemTitle', 'itemUid'])
    // The admin's search box asks for `like` on each searchable field, any of them matching.
    const search = (text: string): Where => ({
      or: (fields ?? []).map((field) => ({ [field]: { like: text } })),
    })
    expect(await list(search('konsert'))).toHaveLength(2)
    expect(await list(search('uid-vann'))).toHaveLength(3)
  })

  it('should not list deliveries for anyone outside the staff', async () => {
    const res = await api.rest('GET', '/deliveries', {})
    expect(res.status).toBe(403)
  })
})

describe('deliveries list: columns and labels', () => {
  it('should show the columns editors need, every one a real field', () => {
    const config = hub.payload.collections.deliveries.config
    const names = new Set(config.flattenedFields.map((field) => field.name))
    const columns = config.admin.defaultColumns ?? []
    expect(columns).toEqual(
      expect.arrayContaining(['itemTitle', 'channel', 'status', 'nextAttemptAt', 'lastError']),
    )
    for (const column of columns) expect(names.has(column)).toBe(true)
  })

  it('should label every status in Norwegian in the filter options', () => {
    const status = hub.payload.collections.deliveries.config.flattenedFields.find(
      (field) => field.name === 'status',
    )
    const options = status && 'options' in status ? status.options : []
    expect(options).toContainEqual({ value: 'dead', label: DELIVERY_STATUS_LABELS.dead })
    expect(DELIVERY_STATUS_LABELS.dead.nb).toBe('Feilet (død)')
    expect(DELIVERY_STATUS_LABELS.retrying.nb).toBe('Venter på nytt forsøk')
  })
})
