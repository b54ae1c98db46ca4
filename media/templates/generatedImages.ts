import { createHmac } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { Payload, PayloadRequest } from 'payload'

import { mediaDir, publicUrl } from '../../src/config/env'
import { typeface } from '../brand/typefaces'
import { type BrandLook, loadBrandLook, readBrandAsset } from './brandLook'
import { SIGNAGE_SLIDE, signageSlide } from './signageSlide'
import { SOCIAL_CARD, socialCard } from './socialCard'
import { findItemMedia } from '../renditions/findItemMedia'
import { renditionPath } from '../renditions/renditionStore'

/** Bump when a template's look changes: every generated image is made again. */
const TEMPLATE_VERSION = 1

export const GENERATED_KEY = /^[0-9a-f]{32}$/
export const GENERATED_FILES = { socialCard: 'social-card.png', signageSlide: 'signage-slide.jpg' }

export type GeneratedImage = { url: string; width: number; height: number; alt: string }
export type GeneratedImages = { socialCard: GeneratedImage; signageSlide: GeneratedImage }

export type ItemForImages = {
  title?: string | null
  slug?: string | null
  id?: number | string
  startsAt?: string | null
  place?: string | null
  variants?: { signageHeadline?: string | null } | null
  image?: unknown
}

type PhotoMedia = {
  renditionKey?: string | null
  renditions?: { preset: string; format: string; file: string }[] | null
  rightsExpireAt?: string | null
}

export function generatedDir(): string {
  return path.join(mediaDir(), 'generated')
}

const WHEN = new Intl.DateTimeFormat('nb-NO', {
  timeZone: 'Europe/Oslo',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  hour: '2-digit',
  minute: '2-digit',
})

export function eventWhen(item: ItemForImages): string | null {
  if (!item.startsAt) return null
  const at = WHEN.format(new Date(item.startsAt))
  return item.place ? `${at} · ${item.place}` : at
}

/** The item's photo as the 1920 × 1080 rendition, unless it has none or its rights expired. */
async function signagePhoto(payload: Payload, image: unknown): Promise<string | null> {
  const media = (await findItemMedia(payload, image)) as PhotoMedia | null
  // The renditions field comes back empty once the rights have expired.
  const rendition = media?.renditions?.find((r) => r.preset === 'signage' && r.format === 'jpeg')
  return media?.renditionKey && rendition ? `${media.renditionKey}/${rendition.file}` : null
}

/** Everything drawn on the two images; stored beside them so the first fetch can draw them. */
export type GeneratedManifest = {
  title: string
  headline: string
  when: string | null
  url: string
  /** `<renditionKey>/<file>` of the photo's signage rendition. */
  photo: string | null
  brand: Omit<BrandLook, 'coatOfArms' | 'typeface'> & { typeface: string }
}

function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  )
}

/**
 * The item's social card and signage slide. Their address is a keyed hash of everything drawn
 * (text, brand, photo, template version), so a change to the item or the brand gives new images
 * at a new address. Reading only records what to draw (a small manifest); the images are drawn
 * on their first fetch (renderGeneratedImages) and reused while nothing changes.
 */
export async function generatedImages(args: {
  payload: Payload
  req?: Partial<PayloadRequest>
  collection: string
  item: ItemForImages
  brand?: BrandLook
}): Promise<GeneratedImages> {
  const { payload, item } = args
  const brand = args.brand ?? (await loadBrandLook(payload, args.req))
  const title = item.title ?? ''
  const headline = item.variants?.signageHeadline || title
  const when = eventWhen(item)
  const manifest: GeneratedManifest = {
    title,
    headline,
    when,
    url: `${publicUrl()}/${args.collection}/${item.slug ?? String(item.id ?? '')}`,
    photo: await signagePhoto(payload, item.image),
    brand: {
      organisationName: brand.organisationName,
      colours: brand.colours,
      typeface: brand.typeface.name,
      coatOfArmsFile: brand.coatOfArmsFile,
      fingerprint: brand.fingerprint,
    },
  }
  const key = createHmac('sha256', process.env.PAYLOAD_SECRET ?? '')
    .update(JSON.stringify([TEMPLATE_VERSION, manifest]))
    .digest('hex')
    .slice(0, 32)
  const manifestFile = path.join(generatedDir(), `${key}.json`)
  if (!(await exists(manifestFile))) {
    await fs.mkdir(generatedDir(), { recursive: true })
    await fs.writeFile(manifestFile, JSON.stringify(manifest))
  }
  const base = `${publicUrl()}/api/media/generated/${key}/`
  return {
    socialCard: { url: base + GENERATED_FILES.socialCard, ...SOCIAL_CARD, alt: title },
    signageSlide: {
      url: base + GENERATED_FILES.signageSlide,
      ...SIGNAGE_SLIDE,
      alt: when ? `${headline}. ${when}` : headline,
    },
  }
}

/** Draws both images for a key from its manifest, once; later calls find the files. */
export async function renderGeneratedImages(key: string): Promise<string | null> {
  if (!GENERATED_KEY.test(key)) return null
  const dir = path.join(generatedDir(), key)
  if (await exists(dir)) return dir
  const raw = await fs.readFile(path.join(generatedDir(), `${key}.json`), 'utf8').catch(() => null)
  if (!raw) return null
  const manifest = JSON.parse(raw) as GeneratedManifest
  const brand: BrandLook = {
    ...manifest.brand,
    typeface: typeface(manifest.brand.typeface),
    coatOfArms: await readBrandAsset(manifest.brand.coatOfArmsFile),
  }
  const [renditionKey, file] = manifest.photo?.split('/') ?? []
  const photoPath = renditionKey && file ? renditionPath(renditionKey, file) : null
  const photo = photoPath ? await fs.readFile(photoPath).catch(() => null) : null
  const { headline, when, url } = manifest
  await writeOnce(key, {
    [GENERATED_FILES.socialCard]: await socialCard(manifest.title, brand),
    [GENERATED_FILES.signageSlide]: await signageSlide({ headline, when, url, photo }, brand),
  })
  return dir
}

async function writeOnce(key: string, files: Record<string, Buffer>): Promise<void> {
  const target = path.join(generatedDir(), key)
  await fs.mkdir(generatedDir(), { recursive: true })
  const temp = await fs.mkdtemp(path.join(generatedDir(), `.${key}-`))
  try {
    for (const [name, data] of Object.entries(files))
      await fs.writeFile(path.join(temp, name), data)
    await fs.rename(temp, target)
  } catch (err) {
    await fs.rm(temp, { recursive: true, force: true })
    const exists = await fs.stat(target).then(
      () => true,
      () => false,
    )
    if (!exists) throw err
  }
}
