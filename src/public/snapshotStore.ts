import type { Payload, PayloadRequest } from 'payload'

import { inTransaction } from './inTransaction'

/** A snapshot as stored in `route-snapshots`, the copy every web process loads. */
export type StoredSnapshot = {
  path: string
  /** `channel:target` that built it. */
  owner: string
  body: string
  contentType: string
  etag: string
  lastModified: Date
  cacheControl: string
  access: string
  generation: number
}

/** What a poll needs to decide whether to load a snapshot's body. */
export type SnapshotHead = Pick<StoredSnapshot, 'path' | 'etag' | 'generation'> & {
  updatedAt: Date
}

type Row = {
  id: number | string
  path: string
  owner: string
  body: string
  contentType: string
  etag: string
  lastModified: string
  cacheControl: string
  access: string
  generation: number
  updatedAt: string
}

const COLLECTION = 'route-snapshots'

// Read and written through the database adapter, not the Local API: no hooks, access or
// document locks belong to these rows, and every rebuild and every poll touches them.

/**
 * Stores a snapshot unless the stored one was built from newer entries (a higher generation),
 * so the last worker to finish never puts back an older feed: the update is one conditional
 * statement. Returns whether it wrote; an unchanged snapshot is not written again.
 */
export async function saveSnapshot(
  payload: Payload,
  snapshot: StoredSnapshot,
  req?: Partial<PayloadRequest>,
): Promise<boolean> {
  const data = {
    ...snapshot,
    lastModified: snapshot.lastModified.toISOString(),
    updatedAt: new Date().toISOString(),
  }
  // One statement in the common case: replace the stored row if it is older and differs.
  const updated = await payload.db.updateOne({
    collection: COLLECTION,
    where: {
      and: [
        { path: { equals: snapshot.path } },
        { generation: { less_than_equal: snapshot.generation } },
        {
          or: [
            { generation: { less_than: snapshot.generation } },
            { etag: { not_equals: snapshot.etag } },
            { access: { not_equals: snapshot.access } },
            { cacheControl: { not_equals: snapshot.cacheControl } },
          ],
        },
      ],
    },
    data,
    options: { atomic: true },
    req,
  })
  if (updated) return true
  // Nothing replaced: the stored one is newer or the same, or there is none yet.
  if (await findHead(payload, snapshot.path, req)) return false
  // Two processes creating the same path at once: the loser's unique violation fails its
  // transaction; `storeSnapshots` runs it again, and then the conditional update applies.
  await payload.db.create({ collection: COLLECTION, data, returning: false, req })
  return true
}

/**
 * Saves snapshots in one transaction and returns how many it wrote. When another process
 * created one of the paths first (several workers building the same empty feed at boot), the
 * unique violation aborts the transaction; the second try finds the row and updates it
 * conditionally instead.
 */
export async function storeSnapshots(
  payload: Payload,
  snapshots: readonly StoredSnapshot[],
): Promise<number> {
  const once = () =>
    inTransaction(payload, async (req) => {
      let count = 0
      for (const snapshot of snapshots) if (await saveSnapshot(payload, snapshot, req)) count++
      return count
    })
  try {
    return await once()
  } catch (err) {
    if (!isUniqueViolation(err)) throw err
    return once()
  }
}

/** A duplicate key, as PostgreSQL, SQLite or Payload's wrapper of them reports it. */
function isUniqueViolation(err: unknown): boolean {
  let current: unknown = err
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const { code, name, message, cause } = current as Record<string, unknown>
    if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE') return true
    if (name === 'ValidationError' || (typeof message === 'string' && /unique/i.test(message)))
      return true
    current = cause
  }
  return false
}

/** Stored snapshots with their bodies: all of them (a web process's boot), or those at `paths`. */
export async function loadSnapshots(
  payload: Payload,
  paths?: readonly string[],
): Promise<StoredSnapshot[]> {
  const { docs } = await payload.db.find({
    collection: COLLECTION,
    where: paths ? { path: { in: [...paths] } } : {},
    limit: 0,
    pagination: false,
  })
  return (docs as unknown as Row[]).map(toStored)
}

/** Path, ETag and generation of the snapshots written after `since`, without their bodies. */
export async function changedSince(payload: Payload, since: Date): Promise<SnapshotHead[]> {
  const { docs } = await payload.db.find({
    collection: COLLECTION,
    where: { updatedAt: { greater_than: since.toISOString() } },
    select: { path: true, etag: true, generation: true, updatedAt: true },
    limit: 0,
    pagination: false,
  })
  return (docs as unknown as Row[]).map((d) => ({
    path: d.path,
    etag: d.etag,
    generation: Number(d.generation),
    updatedAt: new Date(d.updatedAt),
  }))
}

/** Whether any snapshot of `owner` (`channel:target`) is stored. */
export async function hasSnapshotOf(payload: Payload, owner: string): Promise<boolean> {
  const { totalDocs } = await payload.db.count({
    collection: COLLECTION,
    where: { owner: { equals: owner } },
  })
  return totalDocs > 0
}

type Head = Pick<Row, 'etag' | 'access' | 'cacheControl'> & { generation: number }

async function findHead(
  payload: Payload,
  path: string,
  req?: Partial<PayloadRequest>,
): Promise<Head | undefined> {
  const { docs } = await payload.db.find({
    collection: COLLECTION,
    where: { path: { equals: path } },
    select: { etag: true, generation: true, access: true, cacheControl: true },
    limit: 1,
    pagination: false,
    req,
  })
  const row = docs[0] as unknown as Row | undefined
  return row
    ? {
        etag: row.etag,
        access: row.access,
        cacheControl: row.cacheControl,
        generation: Number(row.generation),
      }
    : undefined
}

function toStored(row: Row): StoredSnapshot {
  return {
    path: row.path,
    owner: row.owner,
    body: row.body,
    contentType: row.contentType,
    etag: row.etag,
    lastModified: new Date(row.lastModified),
    cacheControl: row.cacheControl,
    access: row.access,
    generation: Number(row.generation),
  }
}
