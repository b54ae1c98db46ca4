import { describe, expect, it } from 'vitest'

import {
  EndpointGoneError,
  MAX_MESSAGE_LENGTH,
  PermanentDeliveryError,
  RateLimitedError,
  TransientDeliveryError,
  classifyError,
} from '../../../channels/errors'

describe('classifyError', () => {
  it('should classify PermanentDeliveryError as permanent with its code and status', () => {
    const err = new PermanentDeliveryError('Text too long', { code: 'too-long', statusCode: 400 })
    expect(classifyError(err)).toEqual({
      kind: 'permanent',
      code: 'too-long',
      statusCode: 400,
      message: 'Text too long',
    })
  })

  it('should classify RateLimitedError with its wait and channel pause', () => {
    const err = new RateLimitedError('Slow down', { retryAfterSeconds: 60, pauseChannel: false })
    expect(classifyError(err)).toEqual({
      kind: 'rate-limited',
      code: 'rate-limited',
      message: 'Slow down',
      retryAfterSeconds: 60,
      pauseChannel: false,
    })
  })

  it('should pause the whole channel on a rate limit unless told otherwise', () => {
    expect(classifyError(new RateLimitedError('Slow down')).pauseChannel).toBe(true)
  })

  it('should drop a negative or non-finite Retry-After', () => {
    expect(new RateLimitedError('x', { retryAfterSeconds: -1 }).retryAfterSeconds).toBeUndefined()
    expect(new RateLimitedError('x', { retryAfterSeconds: NaN }).retryAfterSeconds).toBeUndefined()
  })

  it('should classify EndpointGoneError as gone', () => {
    expect(classifyError(new EndpointGoneError('Unsubscribed', { statusCode: 410 }))).toEqual({
      kind: 'gone',
      code: 'endpoint-gone',
      statusCode: 410,
      message: 'Unsubscribed',
    })
  })

  it('should classify TransientDeliveryError as transient with its Retry-After', () => {
    const err = new TransientDeliveryError('Busy', { statusCode: 503, retryAfterSeconds: 30 })
    expect(classifyError(err)).toMatchObject({ kind: 'transient', retryAfterSeconds: 30 })
  })

  it('should classify any other error as transient, causes included', () => {
    const err = new TypeError('fetch failed', { cause: new Error('socket hang up') })
    expect(classifyError(err)).toEqual({
      kind: 'transient',
      code: 'unexpected',
      message: 'TypeError: fetch failed (cause: socket hang up)',
    })
  })

  it('should classify a thrown string as transient', () => {
    expect(classifyError('boom')).toEqual({
      kind: 'transient',
      code: 'unexpected',
      message: 'boom',
    })
  })

  it('should classify a thrown plain object as transient', () => {
    expect(classifyError({ status: 'bad' })).toMatchObject({
      kind: 'transient',
      message: 'non-error thrown: {"status":"bad"}',
    })
  })

  it('should classify a thrown undefined as transient', () => {
    expect(classifyError(undefined).kind).toBe('transient')
  })

  it('should recognise our errors from another copy of the module', () => {
    const foreign = Object.assign(new Error('Rejected'), {
      [Symbol.for('modum-content-hub.channels.failureKind')]: 'permanent',
      code: 'http-400',
    })
    expect(classifyError(foreign)).toMatchObject({ kind: 'permanent', code: 'http-400' })
  })

  it('should cut very long messages for the ledger', () => {
    const { message } = classifyError(new Error('x'.repeat(5000)))
    expect(message).toHaveLength(MAX_MESSAGE_LENGTH)
    expect(message.endsWith('…')).toBe(true)
  })

  it('should scrub credentials from a message', () => {
    const err = new Error(
      'GET https://graph.example.org/v1/feed?access_token=EAAsecretvalue1 failed',
    )
    expect(classifyError(err).message).toBe('GET https://graph.example.org/v1/feed failed')
  })

  it('should name the error class after itself', () => {
    expect(new EndpointGoneError('x').name).toBe('EndpointGoneError')
  })
})
