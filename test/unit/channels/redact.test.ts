import { describe, expect, it } from 'vitest'

import { bodyExcerpt, safeUrl, scrubSecrets } from '../../../channels/redact'

describe('safeUrl', () => {
  it('should drop user info, query and fragment', () => {
    expect(safeUrl(new URL('https://u:p@example.org:8443/a/b?token=x#frag'))).toBe(
      'https://example.org:8443/a/b',
    )
  })

  it('should mask path segments that look like generated secrets', () => {
    expect(
      safeUrl(new URL('https://hooks.example.org/services/T0001/B0001/aZ3kQ9xW2mN7pL5rT8vY1bC4')),
    ).toBe('https://hooks.example.org/services/T0001/B0001/***')
  })

  it('should keep ordinary ids and words in the path', () => {
    expect(safeUrl(new URL('https://graph.example.org/v21.0/1234567890_9876543210/feed'))).toBe(
      'https://graph.example.org/v21.0/1234567890_9876543210/feed',
    )
  })

  it('should give the same answer for a URL it already made safe', () => {
    const once = safeUrl(new URL('https://x.example.org/aZ3kQ9xW2mN7pL5rT8vY1bC4?q=1'))
    expect(safeUrl(new URL(once))).toBe(once)
  })
})

describe('scrubSecrets', () => {
  it('should redact a token in JSON', () => {
    expect(scrubSecrets('{"access_token":"EAAB1234567890abcdef","id":"1"}')).toBe(
      '{"access_token":"[redacted]","id":"1"}',
    )
  })

  it('should redact a bearer credential', () => {
    expect(scrubSecrets('sent Authorization: Bearer abcdef123456789xyz')).toBe(
      'sent Authorization: [redacted]',
    )
  })

  it('should redact a credential without a field name before it', () => {
    expect(scrubSecrets('used Bearer abcdef123456789xyz')).toBe('used Bearer [redacted]')
  })

  it('should make URLs in text safe', () => {
    expect(scrubSecrets('failed: https://u:pw@example.org/x?api_key=1')).toBe(
      'failed: https://example.org/x',
    )
  })

  it('should leave ordinary prose alone', () => {
    const text = 'Error validating access token: Session has expired on Monday.'
    expect(scrubSecrets(text)).toBe(text)
  })
})

describe('bodyExcerpt', () => {
  it('should strip markup from an HTML error page', () => {
    const html =
      '<html><head><style>p{}</style></head><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>'
    expect(bodyExcerpt(html, 'text/html; charset=utf-8')).toBe('502 Bad Gateway nginx')
  })

  it('should collapse whitespace into one line', () => {
    expect(bodyExcerpt('line one\n\n   line two\t!', 'text/plain')).toBe('line one line two !')
  })

  it('should cut a long body with an ellipsis', () => {
    expect(bodyExcerpt('z'.repeat(1000), null, 20)).toBe(`${'z'.repeat(19)}…`)
  })
})
