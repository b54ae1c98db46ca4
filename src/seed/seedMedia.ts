import sharp from 'sharp'

import type { Media } from '../payload-types'
import type { MediaKey, SeedContext } from './SeedContext'
import { demoPhotoSvg } from './demoPhotoSvg'
import { ensureDoc } from './ensureDoc'

type MediaSeed = {
  key: MediaKey
  filename: string
  alt: string
  decorative?: boolean
  credit: string
}

const CREDIT = 'Illustrasjon: Modum kommune (demo)'

/** Alt text says what the picture shows: these are drawn illustrations, not photographs. */
const MEDIA: MediaSeed[] = [
  {
    key: 'landscape',
    filename: 'demo-landskap-tyrifjorden.jpg',
    alt: 'Tegning av grønne åser og en gul sol over et blått vann en klar dag.',
    credit: CREDIT,
  },
  {
    key: 'school',
    filename: 'demo-skolebygg.jpg',
    alt: 'Tegning av et rødt skolebygg med mange vinduer, en plen foran og et norsk flagg ved siden av.',
    credit: CREDIT,
  },
  {
    key: 'water',
    filename: 'demo-vann-og-ror.jpg',
    alt: 'Tegning av en stor blå vanndråpe over grå vannrør.',
    credit: CREDIT,
  },
  {
    key: 'road',
    filename: 'demo-vei-gjennom-jorder.jpg',
    alt: 'Tegning av en grå vei med gul midtstripe gjennom grønne jorder, med trær langs kanten.',
    credit: CREDIT,
  },
  {
    key: 'library',
    filename: 'demo-bokhylle.jpg',
    alt: 'Tegning av tre hyller fulle av bøker med rygger i mange farger.',
    credit: CREDIT,
  },
  {
    key: 'pattern',
    filename: 'demo-bolgemonster.jpg',
    alt: '',
    decorative: true,
    credit: CREDIT,
  },
]

async function renderJpeg(key: MediaKey): Promise<Buffer> {
  return sharp(Buffer.from(demoPhotoSvg(key)))
    .jpeg({ quality: 82, mozjpeg: true })
    .toBuffer()
}

/** Demo pictures, drawn at run time (no network), found again by file name. */
export async function seedMedia(ctx: SeedContext): Promise<Record<MediaKey, number>> {
  const ids: Partial<Record<MediaKey, number>> = {}
  for (const seed of MEDIA) {
    ids[seed.key] = await ensureDoc(
      ctx,
      'media',
      { filename: { equals: seed.filename } },
      async () => {
        const data = await renderJpeg(seed.key)
        const fields: Omit<Media, 'id' | 'createdAt' | 'updatedAt'> = {
          alt: seed.alt,
          decorative: seed.decorative === true,
          credit: seed.credit,
          licence: 'owned',
          identifiablePeople: false,
        }
        return ctx.payload.create({
          collection: 'media',
          data: fields,
          file: { data, mimetype: 'image/jpeg', name: seed.filename, size: data.length },
          // A file left in the media folder by an earlier database must not push the name to "-1".
          overwriteExistingFiles: true,
        })
      },
    )
  }
  return ids as Record<MediaKey, number>
}
