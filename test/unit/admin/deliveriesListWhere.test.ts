import type { Where } from 'payload'
import { describe, expect, it } from 'vitest'

import {
  deliveriesListHref,
  equalsValue,
  toBranches,
  whereSearchParams,
  withEquals,
} from '../../../collections/Deliveries/components/listWhere'

describe('deliveries list filters', () => {
  it('should read a flat where as one branch of single-field conditions', () => {
    expect(toBranches({ status: { equals: 'dead' }, channel: { equals: 'website' } })).toEqual([
      [{ status: { equals: 'dead' } }, { channel: { equals: 'website' } }],
    ])
  })

  it("should read the filter panel's or/and shape unchanged", () => {
    const where = { or: [{ and: [{ status: { equals: 'dead' } }] }] }
    expect(toBranches(where)).toEqual([[{ status: { equals: 'dead' } }]])
  })

  it('should find an equals value shared by every branch', () => {
    const where: Where = {
      or: [
        { and: [{ status: { equals: 'dead' } }, { channel: { equals: 'website' } }] },
        { and: [{ status: { equals: 'dead' } }, { channel: { equals: 'slack' } }] },
      ],
    }
    expect(equalsValue(where, 'status')).toBe('dead')
    expect(equalsValue(where, 'channel')).toBeUndefined()
  })

  it('should not call a condition with another operator an equals value', () => {
    expect(equalsValue({ status: { in: ['dead'] } }, 'status')).toBeUndefined()
  })

  it('should replace the status and keep the item filter', () => {
    const where: Where = {
      or: [{ and: [{ itemUid: { equals: 'u1' } }, { status: { equals: 'dead' } }] }],
    }
    expect(withEquals(where, 'status', 'delivered')).toEqual({
      or: [{ and: [{ itemUid: { equals: 'u1' } }, { status: { equals: 'delivered' } }] }],
    })
  })

  it('should leave an empty filter when the last condition is removed', () => {
    expect(withEquals({ status: { equals: 'dead' } }, 'status')).toEqual({ or: [] })
  })

  it('should start a filter from nothing', () => {
    expect(withEquals(undefined, 'channel', 'website')).toEqual({
      or: [{ and: [{ channel: { equals: 'website' } }] }],
    })
  })

  it('should write the where as Payload list query params', () => {
    const params = whereSearchParams({ or: [{ and: [{ status: { equals: 'dead' } }] }] })
    expect([...params]).toEqual([['where[or][0][and][0][status][equals]', 'dead']])
  })

  it('should link to the list filtered on one item', () => {
    const href = deliveriesListHref('/admin', { itemUid: 'a-b' })
    expect(decodeURIComponent(href)).toBe(
      '/admin/collections/deliveries?where[or][0][and][0][itemUid][equals]=a-b',
    )
  })
})
