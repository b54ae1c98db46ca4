import { describe, expect, it } from 'vitest'

import {
  MAX_RETRY_AFTER_SECONDS,
  parseHttpDate,
  parseRetryAfter,
} from '../../../channels/parseRetryAfter'

const NOW = new Date('2026-11-02T08:00:00Z')

describe('parseRetryAfter', () => {
  it('should read delta-seconds', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120)
  })

  it('should read zero as retry now', () => {
    expect(parseRetryAfter('0', NOW)).toBe(0)
  })

  it('should tolerate surrounding whitespace', () => {
    expect(parseRetryAfter(' 30 ', NOW)).toBe(30)
  })

  it('should read an IMF-fixdate as seconds from now', () => {
    expect(parseRetryAfter('Mon, 02 Nov 2026 08:01:30 GMT', NOW)).toBe(90)
  })

  it('should read an obsolete RFC 850 date', () => {
    expect(parseRetryAfter('Monday, 02-Nov-26 08:02:00 GMT', NOW)).toBe(120)
  })

  it('should read an obsolete asctime date as UTC', () => {
    expect(parseRetryAfter('Mon Nov  2 08:00:45 2026', NOW)).toBe(45)
  })

  it('should round a date a fraction of a second away up to whole seconds', () => {
    expect(
      parseRetryAfter('Mon, 02 Nov 2026 08:00:10 GMT', new Date('2026-11-02T08:00:00.400Z')),
    ).toBe(10)
  })

  it('should give no hint for a date in the past', () => {
    expect(parseRetryAfter('Mon, 02 Nov 2026 07:59:59 GMT', NOW)).toBeUndefined()
  })

  it.each([
    ['empty', ''],
    ['a word', 'soon'],
    ['negative', '-5'],
    ['fractional', '1.5'],
    ['signed', '+10'],
    ['trailing junk', '12abc'],
    ['ISO 8601 instead of an HTTP-date', '2026-11-02T08:05:00Z'],
    ['a date that does not exist', 'Mon, 31 Feb 2026 08:05:00 GMT'],
    ['a time that does not exist', 'Mon, 02 Nov 2026 25:05:00 GMT'],
    ['a date without GMT', 'Mon, 02 Nov 2026 08:05:00'],
  ])('should give no hint for garbage (%s)', (_what, value) => {
    expect(parseRetryAfter(value, NOW)).toBeUndefined()
  })

  it('should give no hint for a missing header', () => {
    expect(parseRetryAfter(null, NOW)).toBeUndefined()
  })

  it('should clamp huge delta-seconds to 24 hours', () => {
    expect(parseRetryAfter('99999999999999999999', NOW)).toBe(MAX_RETRY_AFTER_SECONDS)
    expect(MAX_RETRY_AFTER_SECONDS).toBe(86_400)
  })

  it('should clamp a far-future date to 24 hours', () => {
    expect(parseRetryAfter('Fri, 01 Jan 2100 00:00:00 GMT', NOW)).toBe(MAX_RETRY_AFTER_SECONDS)
  })

  it('should clamp to a smaller maximum when given one', () => {
    expect(parseRetryAfter('7200', NOW, 3600)).toBe(3600)
  })
})

describe('parseHttpDate', () => {
  it('should put a two-digit year more than 50 years ahead in the previous century', () => {
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT', NOW)?.toISOString()).toBe(
      '1994-11-06T08:49:37.000Z',
    )
  })

  it('should put a near two-digit year in this century', () => {
    expect(parseHttpDate('Tuesday, 02-Nov-27 08:00:00 GMT', NOW)?.toISOString()).toBe(
      '2027-11-02T08:00:00.000Z',
    )
  })
})
