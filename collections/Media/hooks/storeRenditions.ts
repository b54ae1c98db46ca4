import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import {
  keepOriginal,
  removeOriginal,
  removeRenditionBatch,
  writeRenditionBatch,
} from '../../../media/renditions/renditionStore'
import { mediaContext } from './mediaUploadContext'

type RenditionDoc = { renditionKey?: string | null; originalFile?: string | null }

/**
 * Writes the renditions decided in beforeChange once the row is written, in the same operation:
 * if writing fails the batch folder is removed and the error rolls the row back. The previous
 * batch is removed when a new one replaces it. Originals are never removed here.
 */
export const storeRenditions: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  const context = mediaContext(req.context)
  const pending = context.pendingRenditions
  if (!pending) return doc as unknown
  context.pendingRenditions = undefined
  context.mediaUpload = undefined
  try {
    if (pending.original) await keepOriginal(pending.original.data, pending.original.extension)
    await writeRenditionBatch(pending.key, pending.rendered)
  } catch (err) {
    await removeRenditionBatch(pending.key)
    throw err
  }
  const previousKey = (previousDoc as RenditionDoc | undefined)?.renditionKey
  if (previousKey && previousKey !== pending.key) await removeRenditionBatch(previousKey)
  return doc as unknown
}

/** A deleted image takes its renditions along, and its original unless another image shares it. */
export const removeRenditions: CollectionAfterDeleteHook = async ({ doc, req }) => {
  const { renditionKey, originalFile } = doc as RenditionDoc
  await removeRenditionBatch(renditionKey)
  if (!originalFile) return
  const sharing = await req.payload.count({
    collection: 'media',
    where: { originalFile: { equals: originalFile } },
    overrideAccess: true,
    req,
  })
  if (sharing.totalDocs === 0) await removeOriginal(originalFile)
}
