import type { Field, FieldHook } from 'payload'

import { generatedImages, type ItemForImages } from '../../../media/templates/generatedImages'
import { type BrandLook, loadBrandLook } from '../../../media/templates/brandLook'
import { relationId } from '../roles'
import { dateTimeField } from './dateField'

/** One brand lookup per request, however many items it reads. */
function brandFor(
  context: Record<string, unknown>,
  load: () => Promise<BrandLook>,
): Promise<BrandLook> {
  const cached = context.brandLook as Promise<BrandLook> | undefined
  if (cached) return cached
  const loading = load()
  context.brandLook = loading
  return loading
}

const readGeneratedImages: FieldHook = async ({ collection, data, req }) => {
  if (!collection || !data) return null
  try {
    return await generatedImages({
      payload: req.payload,
      collection: collection.slug,
      item: data as ItemForImages,
      brand: await brandFor(req.context, () => loadBrandLook(req.payload)),
    })
  } catch (err) {
    req.payload.logger.error({ err, msg: 'could not make the generated images' })
    return null
  }
}

/** A new image clears the flag that the old one's rights had expired. */
const clearWithdrawnOnNewImage: FieldHook = ({ value, siblingData, originalDoc }) => {
  const before = relationId((originalDoc as { image?: unknown } | undefined)?.image)
  const after = relationId((siblingData as { image?: unknown }).image)
  return before !== after ? null : (value as unknown)
}

/** An item's image, the images made for it from the brand templates, and the rights flag. */
export const imageFields: Field[] = [
  {
    name: 'image',
    type: 'upload',
    relationTo: 'media',
    label: { nb: 'Bilde', en: 'Image' },
  },
  {
    // Made from the brand templates on read (media/templates): a social card for items without
    // a photo and a signage slide. New images, at new addresses, when the item or brand changes.
    name: 'generatedImages',
    type: 'json',
    virtual: true,
    label: { nb: 'Genererte bilder', en: 'Generated images' },
    admin: { readOnly: true, hidden: true },
    hooks: { afterRead: [readGeneratedImages] },
  },
  dateTimeField(
    'imageWithdrawnAt',
    { nb: 'Bildet er trukket (bruksretten utløpt)', en: 'Image withdrawn (rights expired)' },
    {
      timezone: false,
      hooks: { beforeChange: [clearWithdrawnOnNewImage] },
      admin: {
        readOnly: true,
        position: 'sidebar',
        condition: (data) => Boolean((data as { imageWithdrawnAt?: unknown }).imageWithdrawnAt),
        description: {
          nb: 'Bruksretten til bildet er utløpt, og bildet er trukket fra kanalene. Velg et nytt bilde.',
          en: 'The image’s rights have expired and it is withdrawn from the channels. Choose a new one.',
        },
      },
    },
  ),
]
