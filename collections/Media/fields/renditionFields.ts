import type { Field, FieldHook } from 'payload'

import { now } from '../../../src/clock'
import { publicUrl } from '../../../src/config/env'
import type { StoredRendition } from '../../../media/renditions/renditionStore'
import { dateTimeField } from '../../shared/fields/dateField'

type MediaSiblings = {
  renditionKey?: string | null
  alt?: string | null
  decorative?: boolean | null
  credit?: string | null
  rightsExpireAt?: string | null
}

export type ReadRendition = StoredRendition & { url: string; alt: string; credit: string | null }

export function rightsExpired(media: { rightsExpireAt?: string | null }, at = now()): boolean {
  const expires = media.rightsExpireAt ? Date.parse(media.rightsExpireAt) : Number.NaN
  return Number.isFinite(expires) && expires <= at.getTime()
}

/** The image's alt text as channels must use it: a decorative image has empty alt, never none. */
export function altText(media: MediaSiblings): string {
  return media.decorative ? '' : (media.alt ?? '').trim()
}

/**
 * On read, each rendition carries its absolute, content-hashed URL, the alt text and the credit,
 * so every channel gets them together. Once the image's rights have expired it has none.
 */
const decorateRenditions: FieldHook = ({ value, siblingData }) => {
  const media = siblingData as MediaSiblings
  if (!Array.isArray(value) || !media.renditionKey || rightsExpired(media)) return []
  const base = `${publicUrl()}/api/media/renditions/${media.renditionKey}/`
  return (value as StoredRendition[]).map((r): ReadRendition => ({
    ...r,
    url: base + r.file,
    alt: altText(media),
    credit: media.credit ?? null,
  }))
}

const pipelineOwned = { readOnly: true, hidden: true } as const

/** Fields the media pipeline writes (never the caller): renditions and where they live. */
export const renditionFields: Field[] = [
  {
    name: 'renditions',
    type: 'json',
    label: { nb: 'Varianter', en: 'Renditions' },
    admin: {
      readOnly: true,
      description: {
        nb: 'Lages automatisk for hver kanal (sosiale medier, infoskjerm, portal, miniatyr, presse).',
        en: 'Made automatically for every channel.',
      },
    },
    hooks: { afterRead: [decorateRenditions] },
  },
  { name: 'renditionKey', type: 'text', index: true, admin: pipelineOwned },
  { name: 'renderedWith', type: 'text', index: true, admin: pipelineOwned },
  { name: 'originalFile', type: 'text', index: true, admin: pipelineOwned },
  dateTimeField(
    'rightsWithdrawnAt',
    { nb: 'Trukket fra kanalene', en: 'Withdrawn from channels' },
    {
      timezone: false,
      admin: {
        readOnly: true,
        position: 'sidebar',
        condition: (data) =>
          Boolean((data as MediaSiblings & { rightsWithdrawnAt?: unknown }).rightsWithdrawnAt),
        description: {
          nb: 'Bruksretten er utløpt. Bildet er trukket fra alle kanaler.',
          en: 'The rights have expired. The image is withdrawn from every channel.',
        },
      },
    },
  ),
]
