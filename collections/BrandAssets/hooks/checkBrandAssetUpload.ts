import type { CollectionBeforeOperationHook } from 'payload'

import { detectImageType } from '../../../media/upload/detectImageType'
import { inspectUpload } from '../../../media/upload/inspectUpload'
import { sanitizeSvg } from '../../../media/upload/sanitizeSvg'
import { uploadRefused } from '../../../media/upload/uploadRefused'
import { uploadLimitBytes } from '../../../src/config/env'

/** Non-image kinds a brand asset may be, told apart by their first bytes. */
function otherKind(data: Buffer): 'font' | 'pdf' | null {
  const head = data.subarray(0, 4).toString('latin1')
  if (head === '\0\x01\0\0' || head === 'OTTO' || head === 'wOF2' || head === 'true') return 'font'
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf'
  return null
}

/**
 * Brand assets take images (SVG too), typefaces and PDFs, each recognised from its bytes. An
 * SVG is stored only as rebuilt by the sanitiser; a raster image passes the same checks as any
 * upload. Anything else is refused with a 400 before a byte is written.
 */
export const checkBrandAssetUpload: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
}) => {
  const file = req.file
  if ((operation !== 'create' && operation !== 'update') || !file) return args
  const limitBytes = uploadLimitBytes()
  const truncated = (file as { truncated?: boolean }).truncated === true
  const type = detectImageType(file.data)
  if (type === 'svg') {
    if (truncated || file.data.length > limitBytes) {
      throw uploadRefused(`Filen er for stor. Grensen er ${limitBytes / 1024 / 1024} MB.`)
    }
    const clean = sanitizeSvg(file.data)
    req.file = { ...file, data: clean, size: clean.length, mimetype: 'image/svg+xml' }
    return args
  }
  if (type !== null || otherKind(file.data) === null) {
    await inspectUpload(file.data, { limitBytes, truncated })
  } else if (truncated || file.data.length > limitBytes) {
    throw uploadRefused(`Filen er for stor. Grensen er ${limitBytes / 1024 / 1024} MB.`)
  }
  return args
}
