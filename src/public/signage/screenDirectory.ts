import type { Payload } from 'payload'

/** What the serving side needs to know about a screen to check its key. */
export type ScreenKeyInfo = { id: string; slug: string; public: boolean; keyHash: string | null }

export type ScreenDirectory = {
  /** From the cache when fresh; `undefined` when the cache cannot answer without a load. */
  peekById(id: string): ScreenKeyInfo | null | undefined
  byId(id: string): Promise<ScreenKeyInfo | null>
  bySlug(slug: string): Promise<ScreenKeyInfo | null>
  /** Forget what is cached (a key was rotated in this process). */
  invalidate(): void
}

const directories = new Set<{ invalidate: () => void }>()

/** Makes every directory in this process reload (a key was just rotated here). */
export function invalidateScreenDirectories(): void {
  for (const d of directories) d.invalidate()
}

type Row = {
  id: number | string
  slug?: string | null
  audience?: string | null
  keyHash?: string | null
}

/**
 * The screens' slugs, audiences and key hashes, read with one query and reused for `ttlMs`, so
 * the fast path checks a key without a database round trip. A rotated or revoked key stops
 * working within that time in every process (at once in the one that rotated it).
 */
export function screenDirectory(
  payload: Payload,
  options: { ttlMs?: number } = {},
): ScreenDirectory {
  const ttl = options.ttlMs ?? 10_000
  let byId = new Map<string, ScreenKeyInfo>()
  let bySlug = new Map<string, ScreenKeyInfo>()
  let loadedAt = -Infinity
  let loading: Promise<void> | undefined

  const load = async (): Promise<void> => {
    const { docs } = await payload.db.find({
      collection: 'screens',
      select: { slug: true, audience: true, keyHash: true },
      limit: 0,
      pagination: false,
    })
    const infos = (docs as unknown as Row[]).flatMap((r): ScreenKeyInfo[] =>
      r.slug
        ? [
            {
              id: String(r.id),
              slug: r.slug,
              public: r.audience !== 'internal',
              keyHash: r.keyHash || null,
            },
          ]
        : [],
    )
    byId = new Map(infos.map((i) => [i.id, i]))
    bySlug = new Map(infos.map((i) => [i.slug, i]))
    loadedAt = performance.now()
  }
  const fresh = () => performance.now() - loadedAt < ttl
  const ensure = async (): Promise<void> => {
    if (fresh()) return
    loading ??= load().finally(() => (loading = undefined))
    await loading
  }

  const directory: ScreenDirectory = {
    peekById: (id) => (fresh() ? (byId.get(id) ?? null) : undefined),
    byId: async (id) => {
      await ensure()
      return byId.get(id) ?? null
    },
    bySlug: async (slug) => {
      await ensure()
      return bySlug.get(slug) ?? null
    },
    invalidate: () => {
      loadedAt = -Infinity
    },
  }
  directories.add(directory)
  return directory
}
