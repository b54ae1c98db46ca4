import type { Payload, PayloadRequest } from 'payload'

import { screenBase } from './playerPage'

/** What a screen's player last reported, and whether that is the playlist now served. */
export type ScreenStatus = {
  id: string
  name: string
  lastSeenAt: Date | null
  shownVersion: string | null
  currentVersion: string | null
  showsCurrent: boolean
}

export function playlistPath(slug: string): string {
  return `${screenBase(slug)}/playlist.json`
}

/** The ETag of each screen's stored playlist, by slug. */
export async function currentPlaylistVersions(
  payload: Payload,
  slugs: readonly string[],
  req?: Partial<PayloadRequest>,
): Promise<Map<string, string>> {
  if (slugs.length === 0) return new Map()
  const { docs } = await payload.db.find({
    collection: 'route-snapshots',
    where: { path: { in: slugs.map(playlistPath) } },
    select: { path: true, etag: true },
    limit: 0,
    pagination: false,
    req,
  })
  const bySlug = new Map<string, string>()
  for (const doc of docs as unknown as { path: string; etag: string }[]) {
    const slug = doc.path.slice('/signage/'.length, -'/playlist.json'.length)
    bySlug.set(slug, doc.etag)
  }
  return bySlug
}

type HeartbeatRow = {
  id: number | string
  name?: string | null
  slug?: string | null
  lastSeenAt?: string | null
  shownVersion?: string | null
}

/** Every screen's last heartbeat next to its current playlist version. */
export async function screenStatuses(payload: Payload): Promise<ScreenStatus[]> {
  const { docs } = await payload.db.find({
    collection: 'screens',
    select: { name: true, slug: true, lastSeenAt: true, shownVersion: true },
    limit: 0,
    pagination: false,
  })
  const rows = docs as unknown as HeartbeatRow[]
  const current = await currentPlaylistVersions(
    payload,
    rows.flatMap((r) => (r.slug ? [r.slug] : [])),
  )
  return rows.map((r) => {
    const currentVersion = (r.slug && current.get(r.slug)) || null
    return {
      id: String(r.id),
      name: r.name ?? String(r.id),
      lastSeenAt: r.lastSeenAt ? new Date(r.lastSeenAt) : null,
      shownVersion: r.shownVersion ?? null,
      currentVersion,
      showsCurrent: currentVersion !== null && r.shownVersion === currentVersion,
    }
  })
}
