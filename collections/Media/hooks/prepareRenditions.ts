import type { CollectionBeforeChangeHook } from 'payload'

import { PRESETS_VERSION } from '../../../media/renditions/presets'
import {
  contentHash,
  newRenditionKey,
  readOriginal,
  storedRendition,
} from '../../../media/renditions/renditionStore'
import { inspectUpload } from '../../../media/upload/inspectUpload'
import { renderOrRefuse } from '../../../media/upload/renderOrRefuse'
import { focalOf } from './inspectMediaUpload'
import { mediaContext } from './mediaUploadContext'

type MediaData = {
  focalX?: unknown
  focalY?: unknown
  originalFile?: string | null
}

function focalChanged(data: MediaData, previous: MediaData | undefined): boolean {
  if (!previous) return false
  const before = focalOf(previous)
  const after = focalOf({ ...previous, ...data })
  return before.x !== after.x || before.y !== after.y
}

/**
 * Decides the new renditions before the write: a new upload's (rendered in beforeOperation), or
 * a fresh render from the kept original when the focal point moved or `media:rerender` asks.
 * Sets the document's rendition fields; the files are written after the row (storeRenditions).
 */
export const prepareRenditions: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const context = mediaContext(req.context)
  const previous = originalDoc as MediaData | undefined
  let rendered = context.mediaUpload?.rendered
  let original: { data: Buffer; extension: string } | undefined
  let originalFile = previous?.originalFile ?? null
  if (context.mediaUpload) {
    original = { data: context.mediaUpload.original, extension: context.mediaUpload.extension }
    originalFile = `${contentHash(original.data, 32)}.${original.extension}`
  } else if (
    operation === 'update' &&
    originalFile &&
    (context.mediaRerender || focalChanged(data as MediaData, previous))
  ) {
    const bytes = await readOriginal(originalFile)
    const inspection = await inspectUpload(bytes, { limitBytes: Number.MAX_SAFE_INTEGER })
    rendered = await renderOrRefuse(bytes, inspection, focalOf({ ...previous, ...data }))
  }
  if (!rendered) return data
  const key = newRenditionKey()
  context.pendingRenditions = { key, rendered, ...(original ? { original } : {}) }
  return {
    ...data,
    renditionKey: key,
    renditions: rendered.map(storedRendition),
    renderedWith: PRESETS_VERSION,
    originalFile,
  }
}
