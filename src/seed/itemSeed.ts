import type { RequiredDataFromCollectionSlug } from 'payload'

import { lexicalParagraphs } from './lexicalParagraphs'

type ItemSlug = 'news' | 'events' | 'service-messages'
type DateName = 'publishAt' | 'embargoUntil' | 'expiresAt' | 'startsAt' | 'endsAt'

/** What `payload.create` gets for one demo item; `draft` saves it as an unpublished draft. */
export type ItemSeed<S extends ItemSlug> = {
  collection: S
  slug: string
  data: RequiredDataFromCollectionSlug<S>
  draft: boolean
}

type Defaulted = 'language' | 'audience' | 'body' | '_status' | 'slug' | `${DateName}_tz`

/** The item's own fields, with `paragraphs` for the body and the usual defaults left out. */
export type ItemInput<S extends ItemSlug> = Omit<RequiredDataFromCollectionSlug<S>, Defaulted> & {
  slug: string
  paragraphs: string[]
  audience?: 'public' | 'internal' | 'both'
  draft?: boolean
}

/**
 * One demo item: bokmål, public and published unless said otherwise, the body as Lexical JSON,
 * and every date that is set shown in Oslo time in the admin (its `_tz` companion).
 */
export function itemSeed<S extends ItemSlug>(collection: S, input: ItemInput<S>): ItemSeed<S> {
  const { paragraphs, draft = false, audience = 'public', ...fields } = input
  const zones: Record<string, 'Europe/Oslo'> = {}
  for (const name of ['publishAt', 'embargoUntil', 'expiresAt', 'startsAt', 'endsAt'] as const) {
    if ((fields as Record<string, unknown>)[name]) zones[`${name}_tz`] = 'Europe/Oslo'
  }
  const data = {
    ...fields,
    ...zones,
    language: 'nb',
    audience,
    body: lexicalParagraphs(paragraphs),
    _status: draft ? 'draft' : 'published',
  } as unknown as RequiredDataFromCollectionSlug<S>
  return { collection, slug: input.slug, data, draft }
}
