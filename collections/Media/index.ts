import type { CollectionConfig } from 'payload'

import { mediaDir } from '../../src/config/env'
import { dateTimeField } from '../shared/fields/dateField'
import { staffOnly } from '../shared/access/staffOnly'
import { readMedia } from './access/readMedia'
import { serveGenerated } from './endpoints/serveGenerated'
import { serveRendition } from './endpoints/serveRendition'
import { renditionFields } from './fields/renditionFields'
import { inspectMediaUpload } from './hooks/inspectMediaUpload'
import { prepareRenditions } from './hooks/prepareRenditions'
import { removeRenditions, storeRenditions } from './hooks/storeRenditions'

export const Media: CollectionConfig = {
  slug: 'media',
  graphQL: { singularName: 'MediaItem', pluralName: 'Media' },
  labels: {
    singular: { nb: 'Bilde', en: 'Image' },
    plural: { nb: 'Bilder', en: 'Images' },
  },
  admin: {
    useAsTitle: 'alt',
    defaultColumns: ['filename', 'alt', 'credit', 'licence', 'rightsExpireAt'],
    group: { nb: 'Innhold', en: 'Content' },
  },
  access: {
    read: readMedia,
    create: staffOnly,
    update: staffOnly,
    delete: staffOnly,
  },
  upload: {
    staticDir: mediaDir(),
    // What editors may pick. The stored file is always the cleaned JPEG (PNG with transparency)
    // made by the media pipeline (media/); the type is read from the bytes, not from this list.
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif'],
    focalPoint: true,
    // Payload's crop would edit the stored file; the presets crop around the focal point instead.
    crop: false,
  },
  hooks: {
    beforeOperation: [inspectMediaUpload],
    beforeChange: [prepareRenditions],
    afterChange: [storeRenditions],
    afterDelete: [removeRenditions],
  },
  endpoints: [serveRendition, serveGenerated],
  fields: [
    {
      name: 'alt',
      type: 'text',
      label: { nb: 'Alternativ tekst', en: 'Alt text' },
      admin: {
        description: {
          nb: 'Beskriv hva bildet viser for dem som ikke ser det (krav i WCAG 2.1).',
          en: 'Describe the image for those who cannot see it (WCAG 2.1).',
        },
      },
      validate: (value: unknown, { siblingData }: { siblingData: unknown }) => {
        const decorative = (siblingData as { decorative?: boolean }).decorative === true
        if (decorative || (typeof value === 'string' && value.trim() !== '')) return true
        return 'Alternativ tekst er påkrevd, med mindre bildet er merket som dekorativt.'
      },
    },
    {
      name: 'decorative',
      type: 'checkbox',
      defaultValue: false,
      label: { nb: 'Dekorativt bilde (ingen alternativ tekst)', en: 'Decorative (no alt text)' },
    },
    { name: 'credit', type: 'text', label: { nb: 'Fotograf / kreditering', en: 'Credit' } },
    {
      name: 'identifiablePeople',
      type: 'checkbox',
      defaultValue: false,
      label: { nb: 'Bildet viser personer som kan kjennes igjen', en: 'Shows identifiable people' },
    },
    {
      name: 'consentObtained',
      type: 'checkbox',
      defaultValue: false,
      label: { nb: 'Samtykke er innhentet', en: 'Consent obtained' },
      admin: { condition: (_, siblingData) => siblingData?.identifiablePeople === true },
      validate: (value: unknown, { siblingData }: { siblingData: unknown }) =>
        (siblingData as { identifiablePeople?: boolean }).identifiablePeople !== true ||
        value === true
          ? true
          : 'Bilder av personer som kan kjennes igjen kan bare brukes med samtykke.',
    },
    {
      name: 'licence',
      type: 'select',
      defaultValue: 'owned',
      label: { nb: 'Lisens', en: 'Licence' },
      options: [
        { value: 'owned', label: { nb: 'Kommunens eget', en: 'Owned by the municipality' } },
        { value: 'licensed', label: { nb: 'Kjøpt bruksrett', en: 'Licensed' } },
        { value: 'cc-by', label: 'CC BY 4.0' },
        { value: 'cc-by-sa', label: 'CC BY-SA 4.0' },
        { value: 'cc0', label: 'CC0' },
      ],
    },
    dateTimeField(
      'rightsExpireAt',
      { nb: 'Bruksretten utløper', en: 'Rights expire' },
      {
        index: true,
        admin: {
          description: {
            nb: 'Da trekkes bildet fra alle kanaler, og sakene som bruker det, merkes.',
            en: 'The image is then withdrawn from every channel and the items using it are flagged.',
          },
        },
      },
    ),
    ...renditionFields,
  ],
}
