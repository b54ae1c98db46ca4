import type { Payload } from 'payload'

import type { MediaContext } from '../../collections/Media/hooks/mediaUploadContext'

const ITEM_COLLECTIONS = ['news', 'events', 'service-messages'] as const

/**
 * Images whose rights expired by `now` and that are not yet withdrawn: each item using one is
 * flagged (`imageWithdrawnAt`, shown to editors). That write is a new revision of the item, so
 * its ledger hook enqueues an update to every channel that has it, now without the image (the
 * image's renditions are no longer served or listed). Then the image is marked withdrawn.
 * Idempotent, for the scheduler's tick. Returns how many images were withdrawn.
 */
export async function withdrawExpiredImages(args: {
  payload: Payload
  now: Date
}): Promise<number> {
  const { payload, now } = args
  const expired = await payload.find({
    collection: 'media',
    where: {
      and: [
        { rightsExpireAt: { less_than_equal: now.toISOString() } },
        { rightsWithdrawnAt: { exists: false } },
      ],
    },
    depth: 0,
    pagination: false,
    select: {},
    overrideAccess: true,
  })
  for (const media of expired.docs) {
    for (const collection of ITEM_COLLECTIONS) {
      const using = await payload.find({
        collection,
        where: { and: [{ image: { equals: media.id } }, { imageWithdrawnAt: { exists: false } }] },
        depth: 0,
        pagination: false,
        select: {},
        overrideAccess: true,
      })
      for (const item of using.docs) {
        await payload.update({
          collection,
          id: item.id,
          data: { imageWithdrawnAt: now.toISOString() },
          overrideAccess: true,
        })
      }
    }
    const context: MediaContext = { mediaPipelineWrite: true }
    await payload.update({
      collection: 'media',
      id: media.id,
      data: { rightsWithdrawnAt: now.toISOString() },
      overrideAccess: true,
      context,
    })
  }
  return expired.docs.length
}
