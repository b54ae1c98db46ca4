import { createHash } from 'node:crypto'
import fs from 'node:fs'

import { TYPEFACES } from '../../../media/brand/typefaces'
import type { SnapshotRoutes } from '../snapshotRoutes'

/** One bundled font file, served by the hub itself so pages make no external requests. */
export type PublicFont = { family: string; weight: 400 | 700; path: string; body: Buffer }

let cached: PublicFont[] | undefined

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-')
}

/**
 * The hub's typefaces (regular and bold), each under a path that carries a hash of its bytes,
 * so it can be cached for a year. A font whose file is missing is left out: the page falls back
 * to system fonts.
 */
export function publicFonts(): PublicFont[] {
  cached ??= TYPEFACES.flatMap((face) =>
    (
      [
        [400, face.regular],
        [700, face.bold],
      ] as const
    ).flatMap(([weight, file]) => {
      let body: Buffer
      try {
        body = fs.readFileSync(file)
      } catch {
        return []
      }
      const hash = createHash('sha256').update(body).digest('hex').slice(0, 12)
      const path = `/assets/fonts/${slug(face.name)}-${weight}.${hash}.ttf`
      return [{ family: face.name, weight, path, body }]
    }),
  )
  return cached
}

/** Serves the font files on the fast path (call once when the server starts). */
export function registerPublicFonts(snapshots: SnapshotRoutes): void {
  for (const font of publicFonts()) {
    snapshots.put(font.path, {
      body: font.body,
      contentType: 'font/ttf',
      cacheControl: 'public, max-age=31536000, immutable',
    })
  }
}
