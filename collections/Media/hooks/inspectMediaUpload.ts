import type { CollectionBeforeOperationHook } from 'payload'

import { renderOrRefuse } from '../../../media/upload/renderOrRefuse'
import { inspectUpload } from '../../../media/upload/inspectUpload'
import { uploadLimitBytes } from '../../../src/config/env'
import { mediaContext, PIPELINE_FIELDS } from './mediaUploadContext'

type FocalData = { focalX?: unknown; focalY?: unknown }

export function focalOf(data: FocalData | null | undefined): { x: number; y: number } {
  const pick = (value: unknown) =>
    typeof value === 'number' && Number.isFinite(value) ? value : 50
  return { x: pick(data?.focalX), y: pick(data?.focalY) }
}

const EXTENSION = { jpeg: 'jpg', png: 'png', gif: 'gif', webp: 'webp', avif: 'avif' } as const

/**
 * Runs before Payload touches an uploaded file: checks it (size, type from the bytes, pixel
 * count) and renders every preset in memory. A file that fails is refused with a 400 before
 * anything is written. Payload then stores the cleaned `press` rendition as the document's file,
 * so the file it serves carries no metadata; the untouched upload is kept apart, never served.
 */
export const inspectMediaUpload: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
}) => {
  if (operation !== 'create' && operation !== 'update') return args
  const context = mediaContext(req.context)
  const data = (args as { data?: Record<string, unknown> }).data
  if (data && !context.mediaPipelineWrite) for (const field of PIPELINE_FIELDS) delete data[field]
  const file = req.file
  if (!file) return args
  const inspection = await inspectUpload(file.data, {
    limitBytes: uploadLimitBytes(),
    truncated: (file as { truncated?: boolean }).truncated === true,
  })
  const rendered = await renderOrRefuse(file.data, inspection, focalOf(data))
  const press = rendered.find((r) => r.preset === 'press')
  if (!press) throw new Error('the press rendition is missing')
  context.mediaUpload = { original: file.data, extension: EXTENSION[inspection.type], rendered }
  const base = file.name.replace(/\.[^.]*$/, '') || 'bilde'
  const extension = press.format === 'png' ? 'png' : 'jpg'
  req.file = {
    ...file,
    data: press.data,
    size: press.data.length,
    mimetype: press.format === 'png' ? 'image/png' : 'image/jpeg',
    name: `${base}.${extension}`,
  }
  return args
}
