import type { RequestContext } from 'payload'

import type { RenderedFile } from '../../../media/renditions/renderRenditions'

/** What the media hooks hand each other through `req.context` within one operation. */
export type PendingRenditions = {
  key: string
  rendered: RenderedFile[]
  /** A new upload's untouched bytes, kept in `originals/` once the document is written. */
  original?: { data: Buffer; extension: string }
}

export type MediaContext = {
  mediaUpload?: { original: Buffer; extension: string; rendered: RenderedFile[] }
  pendingRenditions?: PendingRenditions
  /** Set by `npm run media:rerender`: render again from the kept original. */
  mediaRerender?: boolean
  /** Set by the pipeline's own writes (rights withdrawal): its fields are not dropped. */
  mediaPipelineWrite?: boolean
}

export function mediaContext(context: RequestContext): MediaContext {
  return context
}

/** Fields only the pipeline writes; anything a caller sends for them is dropped. */
export const PIPELINE_FIELDS = [
  'renditions',
  'renditionKey',
  'renderedWith',
  'originalFile',
  'rightsWithdrawnAt',
] as const
