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
        await flagItem(payload, collection, item.id, now.toISOString())
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

type ItemCollection = (typeof ITEM_COLLECTIONS)[number]

/**
 * Sets `imageWithdrawnAt` on the published item without publishing an editor's pending draft:
 * Payload's update starts from the latest version, which may be that draft. So when a newer
 * draft exists, the published content is saved again with the flag, and then the draft is put
 * back on top, with the flag too.
 */
async function flagItem(
  payload: Payload,
  collection: ItemCollection,
  id: number,
  at: string,
): Promise<void> {
  const latest = await payload.findByID({
    collection,
    id,
    draft: true,
    depth: 0,
    overrideAccess: true,
  })
  const pendingDraft = (latest as { _status?: string | null })._status === 'draft'
  if (!pendingDraft) {
    await payload.update({ collection, id, data: { imageWithdrawnAt: at }, overrideAccess: true })
    return
  }
  const published = await payload.findByID({ collection, id, depth: 0, overrideAccess: true })
  await payload.update({
    collection,
    id,
    data: { ...contentOf(published), imageWithdrawnAt: at, _status: 'published' } as never,
    overrideAccess: true,
  })
  await payload.update({
    collection,
    id,
    draft: true,
    data: { ...contentOf(latest), imageWithdrawnAt: at, _status: 'draft' } as never,
    overrideAccess: true,
  })
}

/** A document's editable content: without the fields Payload manages itself. */
function contentOf(doc: object): Record<string, unknown> {
  const {
    id: _id,
    createdAt: _c,
    updatedAt: _u,
    generatedImages: _g,
    ...content
  } = doc as Record<string, unknown>
  return content
}
