import type { PayloadRequest } from 'payload'

export const ROLES = ['admin', 'communications', 'leader', 'editor', 'api-client'] as const
export type Role = (typeof ROLES)[number]

/** Roles that act for the whole municipality rather than for their own departments. */
export const ORGANISATION_WIDE_ROLES: readonly Role[] = ['admin', 'communications']
export const STAFF_ROLES: readonly Role[] = ['admin', 'communications', 'leader', 'editor']
/** Who may be named as spokesperson (the strategy: leaders and the communications staff). */
export const SPOKESPERSON_ROLES: readonly Role[] = ['admin', 'communications', 'leader']

export const API_SCOPES = ['internal'] as const
export type ApiScope = (typeof API_SCOPES)[number]

export type HubUser = {
  id: number | string
  role?: Role | null
  scopes?: ApiScope[] | null
  departments?: (number | string | { id: number | string })[] | null
  collection?: string
}

export function userOf(req: Pick<PayloadRequest, 'user'>): HubUser | null {
  const user = req.user as HubUser | null | undefined
  return user && user.collection !== undefined && user.collection !== 'users'
    ? null
    : (user ?? null)
}

export function roleOf(req: Pick<PayloadRequest, 'user'>): Role | null {
  return userOf(req)?.role ?? null
}

export function isStaff(req: Pick<PayloadRequest, 'user'>): boolean {
  const role = roleOf(req)
  return role !== null && STAFF_ROLES.includes(role)
}

export function isOrganisationWide(req: Pick<PayloadRequest, 'user'>): boolean {
  const role = roleOf(req)
  return role !== null && ORGANISATION_WIDE_ROLES.includes(role)
}

export function isAdmin(req: Pick<PayloadRequest, 'user'>): boolean {
  return roleOf(req) === 'admin'
}

export function hasInternalScope(req: Pick<PayloadRequest, 'user'>): boolean {
  const user = userOf(req)
  return user?.role === 'api-client' && (user.scopes ?? []).includes('internal')
}

export function relationId(value: unknown): number | string | null {
  if (typeof value === 'number' || typeof value === 'string') return value
  if (value && typeof value === 'object' && 'id' in value) {
    const id = value.id
    if (typeof id === 'number' || typeof id === 'string') return id
  }
  return null
}
