import type { PayloadRequest } from 'payload'

import { isOrganisationWide, relationId, userOf } from '../roles'

const CACHE_KEY = 'hub:editableDepartmentIds'

/**
 * The departments a leader or editor may publish for: their own, and every virksomhet under an
 * etat they belong to. `null` means every department (admin, communications).
 */
export async function editableDepartmentIds(
  req: PayloadRequest,
): Promise<(number | string)[] | null> {
  if (isOrganisationWide(req)) return null
  const cached = req.context[CACHE_KEY] as (number | string)[] | undefined
  if (cached) return cached
  const own = (userOf(req)?.departments ?? [])
    .map(relationId)
    .filter((id): id is number | string => id !== null)
  let ids = own
  if (own.length > 0) {
    const children = await req.payload.find({
      collection: 'departments',
      where: { parent: { in: own } },
      depth: 0,
      pagination: false,
      select: {},
      req,
    })
    ids = [...own, ...children.docs.map((doc) => doc.id)]
  }
  req.context[CACHE_KEY] = ids
  return ids
}

export function includesId(ids: (number | string)[], value: unknown): boolean {
  const id = relationId(value)
  return id !== null && ids.some((candidate) => String(candidate) === String(id))
}
