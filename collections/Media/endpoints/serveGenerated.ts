import fs from 'node:fs/promises'
import path from 'node:path'
import type { Endpoint } from 'payload'

import { GENERATED_FILES, renderGeneratedImages } from '../../../media/templates/generatedImages'

const TYPES: Record<string, string> = {
  [GENERATED_FILES.socialCard]: 'image/png',
  [GENERATED_FILES.signageSlide]: 'image/jpeg',
}

/**
 * `GET /api/media/generated/:key/:file`: an item's social card or signage slide, drawn on first
 * fetch. The key is a hash keyed with the server secret over everything drawn, so it cannot be
 * guessed and never changes meaning: cached for a year.
 */
export const serveGenerated: Endpoint = {
  path: '/generated/:key/:file',
  method: 'get',
  handler: async (req) => {
    const params = (req.routeParams ?? {}) as { key?: unknown; file?: unknown }
    const key = typeof params.key === 'string' ? params.key : ''
    const file = typeof params.file === 'string' ? params.file : ''
    const type = TYPES[file]
    const dir = type ? await renderGeneratedImages(key) : null
    const data = dir ? await fs.readFile(path.join(dir, file)).catch(() => null) : null
    if (!data || !type) {
      return Response.json({ errors: [{ message: 'Fant ikke bildet.' }] }, { status: 404 })
    }
    return new Response(new Uint8Array(data), {
      headers: {
        'Content-Type': type,
        'Content-Length': String(data.length),
        'Cache-Control': 'public, max-age=31536000, immutable',
        ETag: `"${key}"`,
        'X-Content-Type-Options': 'nosniff',
      },
    })
  },
}
