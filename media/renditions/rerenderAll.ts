import type { Payload, Where } from 'payload'

import type { MediaContext } from '../../collections/Media/hooks/mediaUploadContext'
import { PRESETS_VERSION } from './presets'

export type RerenderProgress = { done: number; total: number; failed: number; id: number | string }

/**
 * Renders every image made with older presets again, from its kept original, one document at
 * a time (each update replaces the renditions and then removes the old batch; the original is
 * never touched). Resumable: a document is done once it carries the current PRESETS_VERSION, so
 * an interrupted run picks up where it stopped.
 */
export async function rerenderAll(
  payload: Payload,
  onProgress: (progress: RerenderProgress) => void = () => undefined,
): Promise<{ done: number; failed: number }> {
  const stale: Where = {
    and: [
      { originalFile: { exists: true } },
      {
        or: [
          { renderedWith: { not_equals: PRESETS_VERSION } },
          { renderedWith: { exists: false } },
        ],
      },
    ],
  }
  const { totalDocs: total } = await payload.count({
    collection: 'media',
    where: stale,
    overrideAccess: true,
  })
  let done = 0
  let failed = 0
  const skip = new Set<number | string>()
  for (;;) {
    const page = await payload.find({
      collection: 'media',
      where: skip.size ? { and: [stale, { id: { not_in: [...skip] } }] } : stale,
      depth: 0,
      limit: 20,
      sort: 'id',
      select: {},
      overrideAccess: true,
    })
    if (page.docs.length === 0) break
    for (const doc of page.docs) {
      const context: MediaContext = { mediaRerender: true }
      try {
        await payload.update({
          collection: 'media',
          id: doc.id,
          data: {},
          overrideAccess: true,
          context,
        })
        done++
      } catch (err) {
        failed++
        skip.add(doc.id)
        payload.logger.error({ err, msg: `media ${doc.id}: could not re-render` })
      }
      onProgress({ done, total, failed, id: doc.id })
    }
  }
  return { done, failed }
}
