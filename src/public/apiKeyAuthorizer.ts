import crypto from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { Payload } from 'payload'

import { STAFF_ROLES, type HubUser } from '../../collections/shared/roles'
import type { AccessDecision, Authorizer } from './snapshotRoutes'

const PREFIX = 'users API-Key '

export type ApiKeyAuthorizerOptions = {
  payload: Payload
  /** How long a key's answer is reused; a revoked key stops working within this. Default 30 s. */
  ttlMs?: number
  /** Checks for access rules other than `internal` (e.g. signage's `screen:<id>`). */
  others?: Authorizer
  now?: () => number
}

type Caller = Pick<HubUser, 'role' | 'scopes'> | null

/**
 * The server's check for protected snapshots: `internal` needs an API key (`Authorization: users
 * API-Key <key>`, as for the REST API) of an API client with the `internal` scope, or of a
 * staff user. No or an unknown key is 401, a key without the scope 403. Keys are looked up the
 * way Payload's API-key strategy does (an HMAC of the key under the server secret, SHA-256 or
 * the older SHA-1), and the answer is cached briefly by that HMAC, so the fast path answers a
 * known key without a database round trip and never keeps the key itself.
 */
export function apiKeyAuthorizer(options: ApiKeyAuthorizerOptions): Authorizer {
  const ttl = options.ttlMs ?? 30_000
  const clock = options.now ?? Date.now
  const cache = new Map<string, { caller: Caller; until: number }>()

  const lookup = async (key: string, index256: string): Promise<Caller> => {
    const index1 = crypto.createHmac('sha1', options.payload.secret).update(key).digest('hex')
    const { docs } = await options.payload.find({
      collection: 'users',
      where: {
        and: [
          { or: [{ apiKeyIndex: { equals: index256 } }, { apiKeyIndex: { equals: index1 } }] },
          { enableAPIKey: { equals: true } },
        ],
      },
      select: { role: true, scopes: true },
      limit: 1,
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    const user = docs[0] as Caller | undefined
    return user ? { role: user.role ?? null, scopes: user.scopes ?? [] } : null
  }

  const decide = (caller: Caller, access: string): AccessDecision => {
    if (!caller) return 'unauthenticated'
    if (access !== 'internal') return 'forbidden'
    const staff = caller.role ? STAFF_ROLES.includes(caller.role) : false
    const scoped = caller.role === 'api-client' && (caller.scopes ?? []).includes('internal')
    return staff || scoped ? 'allow' : 'forbidden'
  }

  return (req: IncomingMessage, access: string) => {
    if (access !== 'internal' && options.others) return options.others(req, access)
    const header = req.headers.authorization
    if (!header?.startsWith(PREFIX)) return 'unauthenticated'
    const key = header.slice(PREFIX.length).trim()
    if (!key) return 'unauthenticated'
    const index = crypto.createHmac('sha256', options.payload.secret).update(key).digest('hex')
    const hit = cache.get(index)
    const at = clock()
    if (hit && hit.until > at) return decide(hit.caller, access)
    return lookup(key, index).then((caller) => {
      if (cache.size > 1000) cache.clear()
      cache.set(index, { caller, until: clock() + ttl })
      return decide(caller, access)
    })
  }
}
