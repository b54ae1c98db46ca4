import { type Endpoint, Forbidden, NotFound, type PayloadRequest, UnauthorizedError } from 'payload'

import { screenBase } from '../../../channels/signage/playerPage'
import { generateScreenKey, hashScreenKey } from '../../../channels/signage/screenKey'
import { now } from '../../../src/clock'
import { publicUrl } from '../../../src/config/env'
import { inTransaction } from '../../../src/public/inTransaction'
import { invalidateScreenDirectories } from '../../../src/public/signage/screenDirectory'
import { isOrganisationWide } from '../../shared/roles'

/**
 * `POST /api/screens/:id/rotate-key` (admin and communications): makes a new screen key, which
 * replaces the old one at once, and answers `{ id, key, playerUrl, playlistUrl, feedUrl }`, the
 * only time the key is shown. The addresses carry it as `?key=…`, ready to give the screen.
 */
export const rotateKeyEndpoint: Endpoint = {
  path: '/:id/rotate-key',
  method: 'post',
  handler: rotateKey,
}

async function rotateKey(req: PayloadRequest): Promise<Response> {
  if (!req.user) throw new UnauthorizedError(req.t)
  if (!isOrganisationWide(req)) throw new Forbidden(req.t)
  const raw = req.routeParams?.id
  const id = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : ''
  const screen = (await req.payload
    .findByID({ collection: 'screens', id, depth: 0, req, disableErrors: true })
    .catch(() => null)) as { id: number | string; slug?: string | null } | null
  if (!screen?.slug) throw new NotFound(req.t)

  const key = generateScreenKey()
  // Not through payload.update: the key is no edit of the screen's content or rules.
  const data = { keyHash: hashScreenKey(key, req.payload.secret), keyIssuedAt: now().toISOString() }
  await inTransaction(req.payload, (tx) =>
    req.payload.db.updateOne({
      collection: 'screens',
      id: screen.id,
      data,
      returning: false,
      req: tx,
    }),
  )
  invalidateScreenDirectories()
  const base = `${publicUrl()}${screenBase(screen.slug)}`
  const q = `?key=${encodeURIComponent(key)}`
  return Response.json(
    {
      id: screen.id,
      key,
      playerUrl: `${base}${q}`,
      playlistUrl: `${base}/playlist.json${q}`,
      feedUrl: `${base}/feed.rss${q}`,
    },
    { headers: { 'Cache-Control': 'no-store' } },
  )
}
