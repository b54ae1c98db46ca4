import { describe, expect, it, onTestFinished } from 'vitest'

import {
  EndpointGoneError,
  PermanentDeliveryError,
  RateLimitedError,
  TransientDeliveryError,
  classifyError,
} from '../../../channels/errors'
import { MAX_BODY_BYTES, raiseForStatus, sendHttp } from '../../../channels/http'
import { fixedClock, setClock } from '../../../src/clock'
import { localServer, readBody, refusedUrl } from './localServer'

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise
  } catch (err) {
    if (err instanceof Error) return err
    throw new Error(`rejected with a non-error: ${String(err)}`)
  }
  throw new Error('expected a rejection')
}

function raised(fn: () => unknown): Error {
  try {
    fn()
  } catch (err) {
    if (err instanceof Error) return err
  }
  throw new Error('expected a throw')
}

describe('sendHttp', () => {
  it('should send method, headers and body and return status, headers and body', async () => {
    const url = await localServer(async (req, res) => {
      const body = await readBody(req)
      res.setHeader(
        'x-echo',
        [req.method, req.headers['x-test'], req.headers['user-agent']].join(' '),
      )
      res.statusCode = 201
      res.end(`got ${body}`)
    })
    const result = await sendHttp({
      url: `${url}/hooks`,
      method: 'post',
      headers: { 'x-test': 'yes' },
      body: '{"a":1}',
    })
    expect(result.status).toBe(201)
    expect(result.headers.get('x-echo')).toBe('POST yes modum-content-hub')
    expect(result.body).toBe('got {"a":1}')
    expect(result.bodyTruncated).toBe(false)
    expect(result.safeUrl).toBe(`${url}/hooks`)
  })

  it('should reject with a transient timeout when the server never answers', async () => {
    const url = await localServer(() => undefined)
    const err = await failure(sendHttp({ url, method: 'POST', body: 'x', timeoutMs: 100 }))
    expect(err).toBeInstanceOf(TransientDeliveryError)
    expect(classifyError(err)).toMatchObject({ kind: 'transient', code: 'timeout' })
    expect(err.message).toBe(`POST ${url}/: no response within 100 ms`)
  })

  it('should time out when the body stalls after the headers arrived', async () => {
    const url = await localServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' })
      res.write('partial')
    })
    const err = await failure(sendHttp({ url, timeoutMs: 100 }))
    expect(classifyError(err)).toMatchObject({ kind: 'transient', code: 'timeout' })
    expect(err.message).toContain('response body not complete within 100 ms')
  })

  it('should report a refused connection as a transient network error', async () => {
    const url = await refusedUrl()
    const err = await failure(sendHttp({ url, method: 'POST', timeoutMs: 2000 }))
    expect(classifyError(err)).toMatchObject({ kind: 'transient', code: 'network' })
    expect(err.message).toBe(`POST ${url}/: connection refused (ECONNREFUSED)`)
  })

  it('should report a DNS failure as a transient network error', async () => {
    // .invalid never resolves (RFC 6761), so this is a real lookup failure, answered locally.
    const err = await failure(sendHttp({ url: 'https://hub.invalid/x' }))
    expect(classifyError(err)).toMatchObject({ kind: 'transient', code: 'network' })
    expect(err.message).toBe('GET https://hub.invalid/x: host not found (DNS) (ENOTFOUND)')
  })

  it('should cancel as transient when the caller aborts mid-request', async () => {
    const controller = new AbortController()
    const url = await localServer(() => controller.abort(new Error('lease lost')))
    const err = await failure(sendHttp({ url, signal: controller.signal }))
    expect(classifyError(err)).toMatchObject({ kind: 'transient', code: 'aborted' })
    expect(err.message).toContain('cancelled before the response arrived (lease lost)')
  })

  it('should not send at all when the caller has already aborted', async () => {
    let requests = 0
    const url = await localServer((_req, res) => {
      requests++
      res.end()
    })
    const err = await failure(sendHttp({ url, signal: AbortSignal.abort() }))
    expect(classifyError(err).code).toBe('aborted')
    expect(requests).toBe(0)
  })

  it('should keep at most 64 KiB of the body and flag the rest as truncated', async () => {
    const url = await localServer((_req, res) => res.end('x'.repeat(200 * 1024)))
    const result = await sendHttp({ url })
    expect(result.body).toHaveLength(MAX_BODY_BYTES)
    expect(result.bodyTruncated).toBe(true)
  })

  it('should not split a multi-byte character at the cap', async () => {
    const url = await localServer((_req, res) => res.end('æøåæøå'))
    const result = await sendHttp({ url, maxBodyBytes: 5 })
    expect(result.body).toBe('æø')
  })

  it('should not follow a redirect', async () => {
    const url = await localServer((_req, res) => {
      res.writeHead(302, { location: '/elsewhere?token=abc' })
      res.end()
    })
    const result = await sendHttp({ url: `${url}/hook`, method: 'POST', body: '{}' })
    expect(result.status).toBe(302)
  })

  it('should reject a URL that is not http or https as permanent', async () => {
    const err = await failure(sendHttp({ url: 'ftp://files.example.org/x' }))
    expect(err).toBeInstanceOf(PermanentDeliveryError)
    expect(classifyError(err).code).toBe('invalid-url')
  })

  it('should leave the query string out of the reported URL', async () => {
    const url = await localServer((_req, res) => res.end())
    const result = await sendHttp({ url: `${url}/feed?access_token=EAAsecret#x` })
    expect(result.safeUrl).toBe(`${url}/feed`)
  })

  it('should refuse a URL with credentials in it as permanent, without quoting them', async () => {
    const err = await failure(sendHttp({ url: 'https://user:hunter2@example.org/hook' }))
    expect(err).toBeInstanceOf(PermanentDeliveryError)
    expect(err.message).toBe(
      'GET https://example.org/hook: credentials in the URL are not supported; send them in a header',
    )
  })
})

describe('raiseForStatus', () => {
  it('should return the result for a 2xx answer', async () => {
    const url = await localServer((_req, res) => res.writeHead(204).end())
    const result = await sendHttp({ url })
    expect(raiseForStatus(result)).toBe(result)
  })

  it('should throw EndpointGoneError for 410', async () => {
    const url = await localServer((_req, res) => res.writeHead(410).end('unsubscribed'))
    const result = await sendHttp({ url: `${url}/hook`, method: 'POST' })
    const err = raised(() => raiseForStatus(result))
    expect(err).toBeInstanceOf(EndpointGoneError)
    expect(classifyError(err)).toMatchObject({ kind: 'gone', code: 'http-410', statusCode: 410 })
  })

  it('should throw PermanentDeliveryError for a 4xx other than the retryable ones', async () => {
    const url = await localServer((_req, res) => res.writeHead(422).end())
    const result = await sendHttp({ url })
    const err = raised(() => raiseForStatus(result))
    expect(err).toBeInstanceOf(PermanentDeliveryError)
    expect(classifyError(err)).toMatchObject({ kind: 'permanent', code: 'http-422' })
  })

  it('should throw a transient error for a 5xx', async () => {
    const url = await localServer((_req, res) => res.writeHead(502).end())
    const result = await sendHttp({ url })
    const err = raised(() => raiseForStatus(result))
    expect(err).toBeInstanceOf(TransientDeliveryError)
    expect(classifyError(err)).toMatchObject({ kind: 'transient', statusCode: 502 })
  })

  it('should throw RateLimitedError with Retry-After seconds for 429', async () => {
    const url = await localServer((_req, res) => res.writeHead(429, { 'retry-after': '120' }).end())
    const result = await sendHttp({ url })
    const err = raised(() => raiseForStatus(result))
    expect(err).toBeInstanceOf(RateLimitedError)
    expect(classifyError(err)).toMatchObject({
      kind: 'rate-limited',
      retryAfterSeconds: 120,
      pauseChannel: true,
      statusCode: 429,
    })
  })

  it('should leave the rest of the channel running when told the limit is per target', async () => {
    const url = await localServer((_req, res) => res.writeHead(429).end())
    const result = await sendHttp({ url })
    const err = raised(() => raiseForStatus(result, { pauseChannelOnRateLimit: false }))
    expect(classifyError(err)).toMatchObject({ kind: 'rate-limited', pauseChannel: false })
    expect(classifyError(err).retryAfterSeconds).toBeUndefined()
  })

  it('should measure an HTTP-date Retry-After from when the response arrived', async () => {
    onTestFinished(setClock(fixedClock('2026-11-02T08:00:00Z')))
    const url = await localServer((_req, res) =>
      res.writeHead(503, { 'retry-after': 'Mon, 02 Nov 2026 08:05:00 GMT' }).end(),
    )
    const result = await sendHttp({ url })
    expect(classifyError(raised(() => raiseForStatus(result)))).toMatchObject({
      kind: 'transient',
      retryAfterSeconds: 300,
    })
  })

  it('should name the request, status and start of the body in the message', async () => {
    const url = await localServer((_req, res) =>
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"error": "title  missing"}'),
    )
    const result = await sendHttp({ url: `${url}/hooks`, method: 'POST', body: '{}' })
    expect(raised(() => raiseForStatus(result)).message).toBe(
      `POST ${url}/hooks answered 400 Bad Request: {"error": "title missing"}`,
    )
  })

  it('should keep credentials out of the message', async () => {
    const url = await localServer(async (req, res) => {
      res.writeHead(401).end(`rejected ${req.headers.authorization} for ${req.url}`)
      await readBody(req)
    })
    const result = await sendHttp({
      url: `${url}/feed?access_token=EAAquerysecret123456`,
      headers: { authorization: 'Bearer headersecret1234567890' },
    })
    const message = raised(() => raiseForStatus(result)).message
    expect(message).toContain('401 Unauthorized')
    expect(message).not.toMatch(/querysecret|headersecret/)
  })

  it('should cap the body excerpt in the message', async () => {
    const url = await localServer((_req, res) => res.writeHead(500).end('y'.repeat(10_000)))
    const result = await sendHttp({ url })
    const message = raised(() => raiseForStatus(result)).message
    expect(message.length).toBeLessThan(400)
    expect(message).toMatch(/y…$/)
  })

  it('should report a redirect as permanent, naming where it points', async () => {
    const url = await localServer((_req, res) => {
      res.writeHead(301, { location: '/v2/hook?token=abc' })
      res.end()
    })
    const result = await sendHttp({ url: `${url}/hook`, method: 'POST', body: '{}' })
    const err = raised(() => raiseForStatus(result))
    expect(err).toBeInstanceOf(PermanentDeliveryError)
    expect(err.message).toBe(
      `POST ${url}/hook answered 301 Moved Permanently (redirect to ${url}/v2/hook not followed; update the URL)`,
    )
  })
})
