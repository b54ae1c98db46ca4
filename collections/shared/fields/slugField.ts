import type { CollectionSlug, TextField } from 'payload'

import { slugify } from './slugify'

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/**
 * A unique, URL-safe slug, made from `from` when left empty. The clash check gives editors a
 * message naming the field; the unique index stays the last word under concurrent saves.
 */
export function slugField(collection: CollectionSlug, from = 'title'): TextField {
  return {
    name: 'slug',
    type: 'text',
    label: { nb: 'Adresse (slug)', en: 'Slug' },
    unique: true,
    index: true,
    admin: {
      position: 'sidebar',
      description: {
        nb: 'Lages av tittelen hvis feltet er tomt.',
        en: 'Made from the title when empty.',
      },
    },
    hooks: {
      beforeValidate: [
        ({ value, siblingData }): unknown => {
          if (typeof value === 'string' && value.trim() !== '') return value.trim()
          const source = (siblingData as Record<string, unknown>)[from]
          return typeof source === 'string' ? slugify(source) : (value as unknown)
        },
      ],
    },
    validate: async (value, { req, id, event }) => {
      if (typeof value !== 'string' || value === '') {
        return 'Adressen (slug) mangler. Fyll inn en tittel eller en adresse.'
      }
      if (!SLUG_PATTERN.test(value)) {
        return 'Adressen (slug) kan bare ha små bokstaver a–z, tall og bindestrek.'
      }
      if (event === 'onChange') return true
      const clash = await req.payload.find({
        collection,
        where: { and: [{ slug: { equals: value } }, ...(id ? [{ id: { not_equals: id } }] : [])] },
        depth: 0,
        limit: 1,
        pagination: false,
        draft: true,
        overrideAccess: true,
        req,
      })
      return clash.docs.length > 0 ? `Adressen «${value}» er allerede i bruk. Velg en annen.` : true
    },
  }
}
