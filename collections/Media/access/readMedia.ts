import type { Access, CollectionSlug, Where } from 'payload'

import { now } from '../../../src/clock'
import { itemReadConstraint } from '../../shared/access/readItems'
import { relationId } from '../../shared/roles'

export const ITEM_COLLECTIONS = [
  'news',
  'events',
  'service-messages',
] as const satisfies CollectionSlug[]

/**
 * A file is only as visible as the items that show it: outside the staff, a media document (and
 * its file under /api/media/file/…) is readable only while an item the caller may read uses it.
 * Computed at read time because embargo, expiry and the image's rights expiry change visibility
 * without any write.
 */
export const readMedia: Access = async ({ req }) => {
  const constraint = itemReadConstraint(req)
  if (constraint === true) return true
  const ids = new Set<number | string>()
  for (const collection of ITEM_COLLECTIONS) {
    const result = await req.payload.find({
      collection,
      where: { and: [constraint, { image: { exists: true } }] },
      depth: 0,
      pagination: false,
      select: { image: true },
      overrideAccess: true,
      req,
    })
    for (const doc of result.docs) {
      const id = relationId((doc as { image?: unknown }).image)
      if (id !== null) ids.add(id)
    }
  }
  // An image whose rights have expired is withdrawn: only staff still see it.
  const withdrawn: Where = {
    or: [
      { rightsExpireAt: { exists: false } },
      { rightsExpireAt: { greater_than: now().toISOString() } },
    ],
  }
  return { and: [{ id: { in: [...ids] } }, withdrawn] }
}
