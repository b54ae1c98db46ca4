import type { Payload, PayloadRequest } from 'payload'

import type { ChannelImage, ChannelRendition } from '../../channels/contract'
import { findItemMedia } from '../../media/renditions/findItemMedia'

type ReadRendition = {
  preset?: unknown
  format?: unknown
  url?: unknown
  width?: unknown
  height?: unknown
  bytes?: unknown
}
type MediaDoc = { alt?: string | null; decorative?: boolean | null; credit?: string | null }
type Generated = { url: string; width: number; height: number; alt: string }
type ItemImageFields = {
  image?: unknown
  imageWithdrawnAt?: string | null
  generatedImages?: unknown
}
type GeneratedImages = { socialCard?: Generated; signageSlide?: Generated }

const FORMATS = new Set(['avif', 'webp', 'jpeg', 'png'])

/**
 * The picture the item's snapshot carries to the channels: the photo's renditions (read through
 * the media collection, so expired rights give none), else the brand-template images.
 */
export async function channelImage(
  payload: Payload,
  doc: ItemImageFields,
  req?: Partial<PayloadRequest>,
): Promise<ChannelImage | undefined> {
  const photo = doc.imageWithdrawnAt ? undefined : await photoImage(payload, doc.image, req)
  return photo ?? generatedImage(doc.generatedImages as GeneratedImages | null | undefined)
}

async function photoImage(
  payload: Payload,
  ref: unknown,
  req?: Partial<PayloadRequest>,
): Promise<ChannelImage | undefined> {
  const media = (await findItemMedia(payload, ref, req)) as
    (MediaDoc & { renditions?: unknown }) | null
  if (!media || !Array.isArray(media.renditions)) return undefined
  const renditions = (media.renditions as ReadRendition[]).flatMap(toRendition)
  if (renditions.length === 0) return undefined
  return {
    alt: media.decorative ? '' : (media.alt ?? '').trim(),
    ...(media.credit ? { credit: media.credit } : {}),
    renditions,
  }
}

function toRendition(r: ReadRendition): ChannelRendition[] {
  if (typeof r.preset !== 'string' || typeof r.url !== 'string') return []
  if (typeof r.format !== 'string' || !FORMATS.has(r.format)) return []
  return [
    {
      preset: r.preset,
      format: r.format as ChannelRendition['format'],
      url: r.url,
      width: Number(r.width),
      height: Number(r.height),
      ...(typeof r.bytes === 'number' ? { bytes: r.bytes } : {}),
    },
  ]
}

function generatedImage(generated: GeneratedImages | null | undefined): ChannelImage | undefined {
  const card = generated?.socialCard
  const slide = generated?.signageSlide
  if (!card || typeof card.url !== 'string') return undefined
  const rendition = (preset: string, g: Generated): ChannelRendition => ({
    preset,
    format: g.url.endsWith('.png') ? 'png' : 'jpeg',
    url: g.url,
    width: g.width,
    height: g.height,
  })
  return {
    alt: card.alt,
    generated: true,
    renditions: [rendition('social', card), ...(slide ? [rendition('signage', slide)] : [])],
  }
}
