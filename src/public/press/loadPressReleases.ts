import type { Payload, Where } from 'payload'

import { relationId } from '../../../collections/shared/roles'
import { publicUrl } from '../../config/env'
import type { News } from '../../payload-types'
import type { PressContact, PressRelease } from './pressKitTypes'

/** The press room lists this many, newest first. */
export const PRESS_RELEASES_SHOWN = 20

const IS_PRESS_RELEASE: Where = { type: { equals: 'press-release' } }

type Rendition = { preset?: string; url?: string; alt?: string; credit?: string | null }
type MediaDoc = { renditions?: unknown; width?: number | null; height?: number | null }

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined
}

function contactOf(value: News['contact']): PressContact | null {
  const name = text(value?.name)
  if (!name) return null
  const title = text(value?.title)
  const phone = text(value?.phone)
  const email = text(value?.email)
  return { name, ...(title && { title }), ...(phone && { phone }), ...(email && { email }) }
}

/** The `press` rendition (original size, JPEG or PNG) of the item's image, if it may be shown. */
function imageOf(value: unknown): PressRelease['image'] {
  if (!value || typeof value !== 'object') return null
  const media = value as MediaDoc
  const renditions = Array.isArray(media.renditions) ? (media.renditions as Rendition[]) : []
  const press = renditions.find((r) => r.preset === 'press' && r.url)
  if (!press?.url) return null
  const { width, height } = press as { width?: number; height?: number }
  return {
    url: press.url,
    alt: press.alt ?? '',
    credit: press.credit ?? null,
    width: width ?? media.width ?? 0,
    height: height ?? media.height ?? 0,
  }
}

function publishedAt(doc: Pick<News, 'publishAt' | 'createdAt'>): string {
  return doc.publishAt ?? doc.createdAt
}

/**
 * The press releases an anonymous reader may see right now: the query runs with the content
 * API's own access rule for a caller without a user (published, public or both, publish time
 * and embargo passed, not expired), so the press room can never show more than `/api/news`.
 */
export async function loadPressReleases(payload: Payload): Promise<PressRelease[]> {
  const found = await payload.find({
    collection: 'news',
    where: IS_PRESS_RELEASE,
    overrideAccess: false,
    draft: false,
    depth: 0,
    // Items without publishAt sort differently per database; two pages' worth, then sorted here.
    sort: '-publishAt',
    limit: PRESS_RELEASES_SHOWN * 2,
    select: {
      title: true,
      lead: true,
      slug: true,
      publishAt: true,
      createdAt: true,
      updatedAt: true,
      contact: true,
      department: true,
      image: true,
    },
  })
  const docs = found.docs
    .sort((a, b) => Date.parse(publishedAt(b)) - Date.parse(publishedAt(a)))
    .slice(0, PRESS_RELEASES_SHOWN)
  const [departments, media] = await Promise.all([
    namesById(
      payload,
      'departments',
      docs.map((d) => d.department),
    ),
    mediaById(
      payload,
      docs.map((d) => d.image),
    ),
  ])
  const base = publicUrl()
  return docs.map((doc) => ({
    id: String(doc.id),
    title: doc.title,
    lead: doc.lead ?? '',
    publishedAt: publishedAt(doc),
    updatedAt: doc.updatedAt,
    url: `${base}/news/${doc.slug ?? String(doc.id)}`,
    apiUrl: `${base}/api/news/${doc.id}`,
    department: departments.get(String(relationId(doc.department))) ?? null,
    contact: contactOf(doc.contact),
    image: imageOf(media.get(String(relationId(doc.image)))),
  }))
}

function ids(values: unknown[]): (number | string)[] {
  return [...new Set(values.map(relationId).filter((id): id is number | string => id !== null))]
}

async function namesById(
  payload: Payload,
  collection: 'departments',
  values: unknown[],
): Promise<Map<string, string>> {
  const wanted = ids(values)
  if (!wanted.length) return new Map()
  const found = await payload.find({
    collection,
    where: { id: { in: wanted } },
    overrideAccess: false,
    depth: 0,
    pagination: false,
    select: { name: true },
  })
  return new Map(found.docs.map((d) => [String(d.id), d.name]))
}

/**
 * The images of items the reader may see, read by the hub itself in one query (as the ledger
 * does): their renditions come back empty once the image's rights have expired.
 */
async function mediaById(payload: Payload, values: unknown[]): Promise<Map<string, MediaDoc>> {
  const wanted = ids(values)
  if (!wanted.length) return new Map()
  const found = await payload.find({
    collection: 'media',
    where: { id: { in: wanted } },
    overrideAccess: true,
    depth: 0,
    pagination: false,
    select: {
      renditions: true,
      width: true,
      height: true,
      renditionKey: true,
      alt: true,
      decorative: true,
      credit: true,
      rightsExpireAt: true,
    },
  })
  return new Map(found.docs.map((d) => [String(d.id), d as MediaDoc]))
}

async function earliestAfter(
  payload: Payload,
  field: 'publishAt' | 'embargoUntil' | 'expiresAt',
  at: Date,
): Promise<number | null> {
  const found = await payload.find({
    collection: 'news',
    where: {
      and: [
        IS_PRESS_RELEASE,
        { _status: { equals: 'published' } },
        { audience: { in: ['public', 'both'] } },
        { [field]: { greater_than: at.toISOString() } },
      ],
    },
    overrideAccess: true,
    draft: false,
    depth: 0,
    sort: field,
    limit: 1,
    pagination: false,
    select: { [field]: true },
  })
  const value = (found.docs[0] as Record<string, unknown> | undefined)?.[field]
  return typeof value === 'string' ? Date.parse(value) : null
}

/**
 * The next moment the set of visible press releases changes by itself: a publish time or an
 * embargo lifts, or one expires. A cached press room must be rebuilt by then.
 */
export async function nextPressBoundary(payload: Payload, at: Date): Promise<number | null> {
  const times = await Promise.all(
    (['publishAt', 'embargoUntil', 'expiresAt'] as const).map((f) => earliestAfter(payload, f, at)),
  )
  const future = times.filter((t): t is number => t !== null && Number.isFinite(t))
  return future.length ? Math.min(...future) : null
}
