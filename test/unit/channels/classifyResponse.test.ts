import { describe, expect, it } from 'vitest'

import { classifyResponse } from '../../../channels/http'

const NOW = new Date('2026-11-02T08:00:00Z')

describe('classifyResponse', () => {
  it.each([
    [200, 'ok'],
    [201, 'ok'],
    [202, 'ok'],
    [204, 'ok'],
    [299, 'ok'],
    [301, 'permanent'],
    [302, 'permanent'],
    [304, 'permanent'],
    [307, 'permanent'],
    [400, 'permanent'],
    [401, 'permanent'],
    [403, 'permanent'],
    [404, 'permanent'],
    [405, 'permanent'],
    [409, 'permanent'],
    [413, 'permanent'],
    [422, 'permanent'],
    [451, 'permanent'],
    [408, 'transient'],
    [425, 'transient'],
    [429, 'rate-limited'],
    [410, 'gone'],
    [500, 'transient'],
    [501, 'transient'],
    [502, 'transient'],
    [503, 'transient'],
    [504, 'transient'],
    [599, 'transient'],
  ] as const)('should classify %i as %s', (status, kind) => {
    expect(classifyResponse(status, new Headers(), NOW).kind).toBe(kind)
  })

  it('should carry Retry-After on a 503', () => {
    expect(classifyResponse(503, new Headers({ 'retry-after': '30' }), NOW)).toEqual({
      kind: 'transient',
      retryAfterSeconds: 30,
    })
  })

  it('should carry Retry-After on a 429', () => {
    expect(classifyResponse(429, new Headers({ 'retry-after': '7' }), NOW)).toEqual({
      kind: 'rate-limited',
      retryAfterSeconds: 7,
    })
  })

  it('should ignore Retry-After on a permanent failure', () => {
    expect(classifyResponse(400, new Headers({ 'retry-after': '30' }), NOW)).toEqual({
      kind: 'permanent',
    })
  })

  it('should read Retry-After from a plain header record regardless of case', () => {
    expect(classifyResponse(429, { 'Retry-After': '12' }, NOW)).toEqual({
      kind: 'rate-limited',
      retryAfterSeconds: 12,
    })
  })

  it('should leave Retry-After out when it is garbage', () => {
    expect(classifyResponse(429, { 'retry-after': 'soon' }, NOW)).toEqual({ kind: 'rate-limited' })
  })
})
