import { describe, expect, it } from 'vitest'

import { endpointUrlProblem, isPrivateHost } from '../../../channels/website/endpointUrl'

const strict = { allowPrivate: false }

describe('endpointUrlProblem', () => {
  it.each([
    'https://www.modum.kommune.no/api/hub-webhook',
    'http://app.example.no:8080/hooks',
    'https://[2001:db8::1]/hook',
  ])('should accept %s', (url) => {
    expect(endpointUrlProblem(url, strict)).toBeNull()
  })

  it.each(['ftp://example.no/hook', 'javascript:alert(1)', 'file:///etc/passwd'])(
    'should refuse the scheme of %s',
    (url) => {
      expect(endpointUrlProblem(url, strict)).toMatch(/https:\/\//)
    },
  )

  it('should refuse text that is not a URL', () => {
    expect(endpointUrlProblem('modum.kommune.no/hook', strict)).toMatch(/ikke en gyldig URL/)
  })

  it('should refuse credentials in the URL', () => {
    expect(endpointUrlProblem('https://user:pass@example.no/hook', strict)).toMatch(/passord/)
  })

  it('should refuse a private address without the override', () => {
    expect(endpointUrlProblem('http://192.168.1.20/hook', strict)).toMatch(/intern/)
  })

  it('should accept a private address with the override', () => {
    expect(endpointUrlProblem('http://127.0.0.1:4000/hook', { allowPrivate: true })).toBeNull()
  })
})

describe('isPrivateHost', () => {
  it.each([
    'localhost',
    'LOCALHOST.',
    'api.localhost',
    '127.0.0.1',
    '127.8.9.10',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.0.1',
    '169.254.169.254',
    '0.0.0.0',
    '[::1]',
    '[::]',
    '[fd00::1]',
    '[fc12:3456::1]',
    '[fe80::1]',
    '[::ffff:7f00:1]',
  ])('should count %s as private', (host) => {
    expect(isPrivateHost(host)).toBe(true)
  })

  it.each([
    'modum.kommune.no',
    '172.32.0.1',
    '8.8.8.8',
    '192.169.0.1',
    '[2001:db8::1]',
    '[fec0::1]',
  ])('should count %s as public', (host) => {
    expect(isPrivateHost(host)).toBe(false)
  })

  it('should see through the shorthand forms a URL normalises, such as 0x7f.1', () => {
    expect(isPrivateHost(new URL('http://0x7f.1/').hostname)).toBe(true)
  })
})
