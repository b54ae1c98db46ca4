import type { CollectionConfig } from 'payload'

import { brandAssetsDir } from '../../src/config/env'
import { anyone, organisationWideOnly } from '../shared/access/staffOnly'
import { checkBrandAssetUpload } from './hooks/checkBrandAssetUpload'

/** The graphic profile's files (coat of arms, logos, fonts, templates) for every channel and the press. */
export const BrandAssets: CollectionConfig = {
  slug: 'brand-assets',
  graphQL: { singularName: 'BrandAsset', pluralName: 'BrandAssets' },
  labels: {
    singular: { nb: 'Profilelement', en: 'Brand asset' },
    plural: { nb: 'Grafisk profil – filer', en: 'Brand assets' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'kind', 'filename'],
    group: { nb: 'Grafisk profil', en: 'Graphic profile' },
  },
  access: {
    read: anyone,
    create: organisationWideOnly,
    update: organisationWideOnly,
    delete: organisationWideOnly,
  },
  upload: {
    staticDir: brandAssetsDir(),
    // SVG is stored only as rebuilt by the sanitiser (media/upload/sanitizeSvg.ts).
    mimeTypes: [
      'image/svg+xml',
      'image/png',
      'image/jpeg',
      'image/webp',
      'font/ttf',
      'font/otf',
      'font/woff2',
      'application/pdf',
    ],
  },
  hooks: { beforeOperation: [checkBrandAssetUpload] },
  fields: [
    { name: 'title', type: 'text', required: true, label: { nb: 'Navn', en: 'Title' } },
    {
      name: 'kind',
      type: 'select',
      required: true,
      label: { nb: 'Type', en: 'Kind' },
      options: [
        { value: 'coat-of-arms', label: { nb: 'Kommunevåpen', en: 'Coat of arms' } },
        { value: 'logo', label: { nb: 'Logo', en: 'Logo' } },
        { value: 'font', label: { nb: 'Skrift', en: 'Typeface' } },
        { value: 'template', label: { nb: 'Mal', en: 'Template' } },
        { value: 'guide', label: { nb: 'Profilhåndbok', en: 'Brand guide' } },
      ],
    },
    {
      name: 'alt',
      type: 'text',
      label: { nb: 'Alternativ tekst', en: 'Alt text' },
    },
    { name: 'usage', type: 'textarea', label: { nb: 'Bruk', en: 'Usage notes' } },
  ],
}
