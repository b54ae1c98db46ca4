import type { CollectionAfterReadHook } from 'payload'

import { SKIP_SHOWS_CURRENT } from '../../../channels/signage/loadScreens'
import { currentPlaylistVersions } from '../../../channels/signage/screenStatus'

/**
 * _Viser gjeldende_: whether the version the player last reported is the playlist the hub
 * serves now. Computed on read, since the playlist changes without the screen being saved.
 */
export const showsCurrentVersion: CollectionAfterReadHook = async ({ doc, req, context }) => {
  // The signage channel's own reads (targets, every few seconds) do not need it.
  if (context[SKIP_SHOWS_CURRENT]) return doc as unknown
  const screen = doc as { slug?: string | null; shownVersion?: string | null }
  if (!screen.slug) return doc as unknown
  const current = await currentPlaylistVersions(req.payload, [screen.slug], req)
  const version = current.get(screen.slug)
  return { ...screen, showsCurrent: Boolean(version && screen.shownVersion === version) }
}
