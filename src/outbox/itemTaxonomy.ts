import type { Payload, PayloadRequest } from 'payload'

import type { ChannelItem, ChannelTaxon } from '../../channels/contract'

type Ref = unknown
type TaxonDoc = { slug?: string | null; name?: string | null; parent?: Ref }

/**
 * The department (with its etat) and category an item's snapshot carries, by slug and name, so
 * channels that group by them (department and category feeds) need not read the store.
 */
export async function itemTaxonomy(
  payload: Payload,
  doc: { department?: Ref; category?: Ref },
  req?: Partial<PayloadRequest>,
): Promise<Pick<ChannelItem, 'department' | 'category'>> {
  const department = await taxonDoc(payload, 'departments', doc.department, req)
  const etat = department ? await taxonDoc(payload, 'departments', department.parent, req) : null
  const category = await taxonDoc(payload, 'categories', doc.category, req)
  const departmentTaxon = taxon(department)
  const etatTaxon = taxon(etat)
  const categoryTaxon = taxon(category)
  return {
    ...(departmentTaxon
      ? { department: { ...departmentTaxon, ...(etatTaxon ? { etat: etatTaxon } : {}) } }
      : {}),
    ...(categoryTaxon ? { category: categoryTaxon } : {}),
  }
}

async function taxonDoc(
  payload: Payload,
  collection: 'departments' | 'categories',
  ref: Ref,
  req?: Partial<PayloadRequest>,
): Promise<TaxonDoc | null> {
  if (ref && typeof ref === 'object' && 'slug' in ref) return ref as TaxonDoc
  const id = typeof ref === 'object' && ref !== null ? (ref as { id?: unknown }).id : ref
  if (typeof id !== 'string' && typeof id !== 'number') return null
  return payload.findByID({
    collection,
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })
}

function taxon(doc: TaxonDoc | null): ChannelTaxon | undefined {
  if (!doc?.slug || !doc.name) return undefined
  return { slug: doc.slug, name: doc.name }
}
