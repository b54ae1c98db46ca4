import type { Payload } from 'payload'

import { apiKeyAuthorizer } from './apiKeyAuthorizer'
import { screenAuthorizer } from './signage/screenAuthorizer'
import { screenDirectory, type ScreenDirectory } from './signage/screenDirectory'
import { SCREEN_MEDIA } from './signage/signageRoutes'
import { SnapshotRoutes } from './snapshotRoutes'
import { startSnapshotSync, type SnapshotSync } from './snapshotSync'

/**
 * This process's materialised routes: the server answers from them, and a pull channel running
 * in the same process (`HUB_ROLE=all`) puts what it rebuilds here at once, without waiting for
 * the next poll.
 */
export const processSnapshots = new SnapshotRoutes()

/** Path prefixes whose unknown paths get a short text 404 instead of the admin's HTML page. */
const OWNED_PREFIXES = ['/feeds/']

export type PublicRoutesOptions = {
  payload: Payload
  routes: SnapshotRoutes
  /** How often to look for snapshots other processes built. Default 1 s. */
  intervalMs?: number
  /** The screens' keys, for staff-room screens' routes (`screen:<id>`). Default: a new one. */
  screens?: ScreenDirectory
  onError?: (err: unknown) => void
}

/**
 * Readies the routes a serving process answers before Express: protected snapshots checked by
 * API key, unknown feeds answered 404, and every stored snapshot loaded and kept in step.
 */
export async function startPublicRoutes(options: PublicRoutesOptions): Promise<SnapshotSync> {
  const { routes, payload } = options
  const screens = screenAuthorizer(options.screens ?? screenDirectory(payload), payload.secret)
  routes.setAuthorizer(apiKeyAuthorizer({ payload, others: screens }))
  routes.notFoundFor(
    (path) => OWNED_PREFIXES.some((prefix) => path.startsWith(prefix)),
    'Fant ingen feed med den adressen. Se oversikten på /feeds.\n',
  )
  routes.notFoundFor(
    // A staff-room screen's pictures are answered next (src/public/signage/signageRoutes.ts).
    (path) => path.startsWith('/signage/') && !SCREEN_MEDIA.test(path),
    'Fant ingen infoskjerm med den adressen.\n',
  )
  return startSnapshotSync({
    payload,
    routes,
    intervalMs: options.intervalMs,
    onError: options.onError,
  })
}
