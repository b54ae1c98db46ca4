import { bodyHtml } from '../../channels/bodyHtml'
import type { ChannelImage, ChannelItem, ItemCollection } from '../../channels/contract'
import { publicUrl } from '../config/env'

type ItemDoc = {
  id: number | string
  slug?: string | null
  title?: string | null
  lead?: string | null
  body?: unknown
  audience?: string | null
  language?: string | null
  variants?: {
    facebookText?: string | null
    signageHeadline?: string | null
    portalSummary?: string | null
  } | null
  publishAt?: string | null
  createdAt?: string | null
  updatedAt?: string | null
}

/** Fields a snapshot never carries: internal bookkeeping, not content. */
const PRIVATE_FIELDS = new Set(['_status', 'channels'])

/**
 * The item as channels see it at one revision, taken from the live document. Stored with each
 * delivery, so a retry sends exactly what was enqueued and a retraction outlives the item. The
 * revision is the live document's `updatedAt` in milliseconds: it changes exactly when the
 * published copy changes, and not when an editor saves a draft.
 */
export function itemSnapshot(
  collection: ItemCollection,
  doc: ItemDoc,
  image?: ChannelImage,
  taxonomy: Pick<ChannelItem, 'department' | 'category'> = {},
): ChannelItem {
  const slug = doc.slug ?? String(doc.id)
  const variants = doc.variants ?? {}
  return {
    collection,
    id: String(doc.id),
    revision: Date.parse(doc.updatedAt ?? '') || 0,
    slug,
    title: doc.title ?? '',
    lead: doc.lead ?? '',
    audience: doc.audience === 'internal' || doc.audience === 'both' ? doc.audience : 'public',
    url: `${publicUrl()}/${collection}/${slug}`,
    language: doc.language === 'nn' || doc.language === 'en' ? doc.language : 'nb',
    variants: {
      ...(variants.facebookText ? { facebookText: variants.facebookText } : {}),
      ...(variants.signageHeadline ? { signageHeadline: variants.signageHeadline } : {}),
      ...(variants.portalSummary ? { portalSummary: variants.portalSummary } : {}),
    },
    publishedAt: doc.publishAt ?? doc.createdAt ?? doc.updatedAt ?? '',
    updatedAt: doc.updatedAt ?? '',
    bodyHtml: bodyHtml(doc.body),
    data: Object.fromEntries(Object.entries(doc).filter(([key]) => !PRIVATE_FIELDS.has(key))),
    ...taxonomy,
    ...(image ? { image } : {}),
  }
}
