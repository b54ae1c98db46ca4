import fs from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'

import { brandAssetsDir } from '../../config/env'
import type { BrandFile } from './loadPressAssets'
import { isNotModified, sendText } from './respond'

const BY_EXTENSION: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
}

export const NO_SUCH_FILE = 'Fant ingen fil med det navnet i presserommet. Se oversikten på /press.'

/** The stored type, or one from the extension; never a type that a browser would run. */
export function contentTypeOf(file: BrandFile): string {
  const stored = file.mimeType.toLowerCase()
  if (Object.values(BY_EXTENSION).includes(stored)) return stored
  return BY_EXTENSION[path.extname(file.filename).toLowerCase()] ?? 'application/octet-stream'
}

function disposition(file: BrandFile, type: string): string {
  const kind = type.startsWith('image/') ? 'inline' : 'attachment'
  const ascii = file.filename.replace(/[^\x20-\x7e]|["\\]/g, '_')
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`
}

/**
 * Streams one brand asset's stored file with its own type. Sanitised SVG still gets a policy
 * that forbids scripts and sandboxes it, in case it is opened directly.
 */
export async function serveBrandFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: BrandFile,
): Promise<void> {
  const full = path.join(brandAssetsDir(), path.basename(file.filename))
  const stat = await fs.promises.stat(full).catch(() => null)
  if (!stat?.isFile()) {
    sendText(res, 404, NO_SUCH_FILE)
    return
  }
  const type = contentTypeOf(file)
  const etag = `"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}"`
  res.setHeader('ETag', etag)
  res.setHeader('Last-Modified', stat.mtime.toUTCString())
  res.setHeader('Cache-Control', 'public, max-age=300')
  res.setHeader('Content-Type', type)
  res.setHeader('Content-Disposition', disposition(file, type))
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox")
  res.setHeader('Access-Control-Allow-Origin', '*')
  if (isNotModified(req, etag, stat.mtime)) {
    res.statusCode = 304
    res.end()
    return
  }
  res.statusCode = 200
  res.setHeader('Content-Length', stat.size)
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  await pipeline(fs.createReadStream(full), res)
}
