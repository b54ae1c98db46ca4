import { type IncomingMessage } from 'node:http'

export interface ReadBodyResult {
  body: Buffer
  /** More than `maxBytes` arrived; `body` is empty and the rest was drained and discarded. */
  tooLarge: boolean
  /** So much arrived that draining stopped; answer with `Connection: close`. */
  abandoned: boolean
}

/** Drain at most this many times the limit before giving up on an oversized upload. */
const DRAIN_FACTOR = 8

/**
 * Reads the request body up to `maxBytes`. An oversized body is drained (so the client can finish
 * uploading and read the 413 cleanly, and keep-alive survives) up to a hard cap, then abandoned.
 * Rejects when the client goes away mid-body.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<ReadBodyResult> {
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > maxBytes * DRAIN_FACTOR) {
    req.pause()
    return Promise.resolve({ body: Buffer.alloc(0), tooLarge: true, abandoned: true })
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let settled = false
    const finish = (result: ReadBodyResult) => {
      if (settled) return
      settled = true
      resolve(result)
    }
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= maxBytes) {
        chunks.push(chunk)
        return
      }
      chunks.length = 0
      if (size > maxBytes * DRAIN_FACTOR) {
        req.pause()
        finish({ body: Buffer.alloc(0), tooLarge: true, abandoned: true })
      }
    })
    req.on('end', () =>
      finish({
        body: size > maxBytes ? Buffer.alloc(0) : Buffer.concat(chunks),
        tooLarge: size > maxBytes,
        abandoned: false,
      }),
    )
    req.on('error', (err) => {
      if (settled) return
      settled = true
      reject(err)
    })
    req.on('close', () => {
      if (settled || req.complete) return
      settled = true
      reject(new Error('client closed the connection before the body was complete'))
    })
  })
}
