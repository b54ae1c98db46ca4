import type { CollectionAfterReadHook } from 'payload'

import { currentPlaylistVersions } from '../../../channels/signage/screenStatus'

/**
 * _Viser gjeldende_: whether the version the player last reported is the playlist the hub
 * serves now. Computed on read, since the playlist changes without the screen being saved.
 */
export const showsCurrentVersion: CollectionAfterReadHook = async ({ doc, req }) => {
  const screen = doc as { slug?: string | null; shownVersion?: string | null }
  if (!screen.slug) return doc as unknown
  const current = await currentPlaylistVersions(req.payload, [screen.slug], req)
  const version = current.get(screen.slug)
  return { ...screen, showsCurrent: Boolean(version && screen.shownVersion === version) }
}
