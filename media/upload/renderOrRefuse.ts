import type { FocalPoint } from '../renditions/focalCrop'
import { type RenderedFile, renderRenditions } from '../renditions/renderRenditions'
import type { UploadInspection } from './inspectUpload'
import { uploadRefused } from './uploadRefused'

/** Renders every preset; a file sharp cannot decode after all is refused (400), not a 500. */
export async function renderOrRefuse(
  data: Buffer,
  inspection: UploadInspection,
  focal: FocalPoint,
): Promise<RenderedFile[]> {
  try {
    return await renderRenditions(data, inspection, focal)
  } catch (err) {
    const detail = err instanceof Error ? err.message.split('\n')[0] : String(err)
    throw uploadRefused(`Bildet kan ikke leses: filen er skadet eller ufullstendig (${detail}).`)
  }
}
