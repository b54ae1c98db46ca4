type Timed = {
  _status?: string | null
  publishAt?: string | null
  embargoUntil?: string | null
  expiresAt?: string | null
}

/** Whether the item's published copy should be out in the world at `now`. */
export function isLive(doc: Timed | null | undefined, now: Date): boolean {
  if (!doc || doc._status !== 'published') return false
  const t = now.getTime()
  const reached = (at?: string | null) => !at || Date.parse(at) <= t
  return (
    reached(doc.publishAt) &&
    reached(doc.embargoUntil) &&
    !(doc.expiresAt && Date.parse(doc.expiresAt) <= t)
  )
}
