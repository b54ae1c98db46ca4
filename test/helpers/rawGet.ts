import { REST_GET } from '@payloadcms/next/routes'
import type { Payload } from 'payload'

import type { Caller } from './api'

/** GET through Payload's real REST handler, keeping the raw Response (headers, bytes). */
export async function rawResponse(payload: Payload, pathname: string, caller: Caller = {}) {
  const handler = REST_GET(Promise.resolve(payload.config))
  const headers = new Headers()
  if (caller.authorization) headers.set('Authorization', caller.authorization)
  const url = new URL(pathname, 'http://localhost:3000')
  const slug = url.pathname
    .replace(/^\/api\//, '')
    .split('/')
    .map(decodeURIComponent)
  return handler(new Request(url, { headers }), { params: Promise.resolve({ slug }) })
}

/** The body of a GET that must answer 200. */
export async function getBytes(payload: Payload, pathname: string, caller: Caller = {}) {
  const response = await rawResponse(payload, pathname, caller)
  if (response.status !== 200) throw new Error(`GET ${pathname}: ${response.status}`)
  return Buffer.from(await response.arrayBuffer())
}
