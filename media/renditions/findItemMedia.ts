import type { Payload, PayloadRequest } from 'payload'

import { relationId } from '../../collections/shared/roles'
import type { Media } from '../../src/payload-types'

/**
 * The media document an item's `image` field points at (an id or a populated document), read by
 * the hub itself: its renditions come back empty once the image's rights have expired.
 */
export async function findItemMedia(
  payload: Payload,
  image: unknown,
  req?: Partial<PayloadRequest>,
): Promise<Media | null> {
  const id = relationId(image)
  if (id === null) return null
  return payload.findByID({
    collection: 'media',
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })
}
