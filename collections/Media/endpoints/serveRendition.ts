import fs from 'node:fs/promises'
import type { Endpoint } from 'payload'

import { renditionPath, CONTENT_TYPES } from '../../../media/renditions/renditionStore'
import { rightsExpired } from '../fields/renditionFields'

function notFound(): Response {
  return Response.json({ errors: [{ message: 'Fant ikke bildet.' }] }, { status: 404 })
}

/**
 * `GET /api/media/renditions/:key/:file`: a rendition, for whoever may read its image (the same
 * rule as the image itself). The name carries the content hash, so it is cached for a year;
 * privately when only a logged-in caller may see it. After the rights expire: 410.
 */
export const serveRendition: Endpoint = {
  path: '/renditions/:key/:file',
  method: 'get',
  handler: async (req) => {
    const params = (req.routeParams ?? {}) as { key?: unknown; file?: unknown }
    const key = typeof params.key === 'string' ? params.key : ''
    const file = typeof params.file === 'string' ? params.file : ''
    const filePath = renditionPath(key, file)
    if (!filePath) return notFound()
    const found = await req.payload.find({
      collection: 'media',
      where: { renditionKey: { equals: key } },
      depth: 0,
      limit: 1,
      overrideAccess: false,
      req,
    })
    const media = found.docs[0]
    if (!media) return notFound()
    if (rightsExpired(media)) {
      return Response.json(
        { errors: [{ message: 'Bruksretten til bildet er utløpt.' }] },
        { status: 410 },
      )
    }
    const data = await fs.readFile(filePath).catch(() => null)
    if (!data) return notFound()
    const extension = file.slice(file.lastIndexOf('.') + 1)
    const hash = file.split('.')[1] ?? ''
    return new Response(new Uint8Array(data), {
      status: 200,
      headers: {
        'Content-Type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
        'Content-Length': String(data.length),
        'Cache-Control': `${req.user ? 'private' : 'public'}, max-age=31536000, immutable`,
        ETag: `"${hash}"`,
        'X-Content-Type-Options': 'nosniff',
      },
    })
  },
}
