import type { Payload, PayloadRequest } from 'payload'

import type { ItemCollection } from '../contract'
import type { Daypart, ScreenDefinition } from './types'

type Taxon = { slug?: string | null; name?: string | null } | number | string | null
type ScreenRow = {
  id: number | string
  slug?: string | null
  name?: string | null
  location?: string | null
  orientation?: string | null
  audience?: string | null
  itemTypes?: string[] | null
  departments?: Taxon[] | null
  categories?: Taxon[] | null
  slideSeconds?: number | null
  maxAgeDays?: number | null
  dayparts?: { days?: string[] | null; from?: string | null; to?: string | null }[] | null
  keyHash?: string | null
  updatedAt?: string | null
}

const TYPES: readonly ItemCollection[] = ['news', 'events', 'service-messages']

/** Request context flag: leave out the screens' `showsCurrent` (a query per screen). */
export const SKIP_SHOWS_CURRENT = 'signageSkipShowsCurrent'

/** A screen and the hash of its key (absent until a key is made; such a screen answers 401). */
export type LoadedScreen = ScreenDefinition & { keyHash: string | null; updatedAt: string }

/** Every screen with its rules, read with the hub's own rights (keys included, as hashes). */
export async function loadScreens(
  payload: Payload,
  req?: Partial<PayloadRequest>,
): Promise<LoadedScreen[]> {
  const { docs } = await payload.find({
    collection: 'screens',
    depth: 1,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    showHiddenFields: true,
    sort: 'name',
    // With a save's request its context is that request's own: leave it as it is.
    ...(req ? { req } : { context: { [SKIP_SHOWS_CURRENT]: true } }),
  })
  return (docs as unknown as ScreenRow[]).flatMap((row) => {
    const slug = row.slug?.trim()
    if (!slug) return []
    return [toDefinition(row, slug)]
  })
}

export function toDefinition(row: ScreenRow, slug: string): LoadedScreen {
  return {
    id: String(row.id),
    slug,
    name: row.name?.trim() || slug,
    location: row.location?.trim() ?? '',
    orientation: row.orientation === 'portrait' ? 'portrait' : 'landscape',
    public: row.audience !== 'internal',
    itemTypes: (row.itemTypes ?? []).filter((t): t is ItemCollection =>
      TYPES.includes(t as ItemCollection),
    ),
    departments: taxa(row.departments),
    categories: taxa(row.categories),
    slideSeconds: clamp(row.slideSeconds, 4, 120, 12),
    maxAgeDays: clamp(row.maxAgeDays, 1, 365, 14),
    dayparts: (row.dayparts ?? []).flatMap((d): Daypart[] => {
      const days = (d.days ?? []).map(Number).filter((n) => n >= 1 && n <= 7)
      return days.length > 0 && d.from && d.to ? [{ days, from: d.from, to: d.to }] : []
    }),
    keyHash: row.keyHash ?? null,
    updatedAt: row.updatedAt ?? new Date(0).toISOString(),
  }
}

function taxa(list: Taxon[] | null | undefined): { slug: string; name: string }[] {
  return (list ?? []).flatMap((t) =>
    t && typeof t === 'object' && t.slug ? [{ slug: t.slug, name: t.name ?? t.slug }] : [],
  )
}

function clamp(value: number | null | undefined, min: number, max: number, fallback: number) {
  return typeof value === 'number' && Number.isFinite(value)
    ? Math.min(max, Math.max(min, value))
    : fallback
}
