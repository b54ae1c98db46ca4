import { GRAPHQL_POST, REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'
import type { Payload } from 'payload'

/**
 * Calls Payload's real REST and GraphQL route handlers (the ones the Next app mounts at /api)
 * with Fetch API requests, so access rules are tested exactly as HTTP callers meet them.
 */
export type Caller = { authorization?: string }

export type ApiResponse<T = unknown> = { status: number; body: T }

export function createApi(payload: Payload) {
  const config = Promise.resolve(payload.config)
  const handlers = {
    GET: REST_GET(config),
    POST: REST_POST(config),
    PATCH: REST_PATCH(config),
    DELETE: REST_DELETE(config),
  }
  const graphql = GRAPHQL_POST(config)
  const base = 'http://localhost:3000'

  async function rest<T = unknown>(
    method: keyof typeof handlers,
    pathAndQuery: string,
    caller: Caller = {},
    body?: unknown,
  ): Promise<ApiResponse<T>> {
    const url = new URL(`/api${pathAndQuery}`, base)
    const headers = new Headers()
    if (caller.authorization) headers.set('Authorization', caller.authorization)
    let payloadBody: BodyInit | undefined
    if (body instanceof FormData) payloadBody = body
    else if (body !== undefined) {
      headers.set('Content-Type', 'application/json')
      payloadBody = JSON.stringify(body)
    }
    const request = new Request(url, { method, headers, body: payloadBody })
    const slug = url.pathname
      .replace(/^\/api\//, '')
      .split('/')
      .map(decodeURIComponent)
    const response = await handlers[method](request, { params: Promise.resolve({ slug }) })
    const isJson = (response.headers.get('content-type') ?? '').includes('json')
    const text = await response.text()
    return { status: response.status, body: (isJson && text ? JSON.parse(text) : text) as T }
  }

  async function gql<T = unknown>(query: string, caller: Caller = {}, variables?: unknown) {
    const headers = new Headers({ 'Content-Type': 'application/json' })
    if (caller.authorization) headers.set('Authorization', caller.authorization)
    const request = new Request(new URL('/api/graphql', base), {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    })
    const response = await graphql(request)
    return { status: response.status, body: (await response.json()) as T }
  }

  return { rest, gql }
}

export function apiKeyCaller(apiKey: string): Caller {
  return { authorization: `users API-Key ${apiKey}` }
}

/** Logs a staff user in through the real login endpoint and returns a bearer caller. */
export async function loginCaller(
  api: ReturnType<typeof createApi>,
  email: string,
  password: string,
): Promise<Caller> {
  const res = await api.rest<{ token?: string }>('POST', '/users/login', {}, { email, password })
  if (!res.body.token) throw new Error(`login failed for ${email}: ${JSON.stringify(res.body)}`)
  return { authorization: `JWT ${res.body.token}` }
}
