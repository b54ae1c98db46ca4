import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { nb } from '@payloadcms/translations/languages/nb'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { BrandAssets } from './collections/BrandAssets'
import { Categories } from './collections/Categories'
import { ChannelChecks } from './collections/ChannelChecks'
import { ChannelEndpoints } from './collections/ChannelEndpoints'
import { Deliveries } from './collections/Deliveries'
import { DeliveryAttempts } from './collections/Deliveries/DeliveryAttempts'
import { Departments } from './collections/Departments'
import { Events } from './collections/Events'
import { Media } from './collections/Media'
import { News } from './collections/News'
import { PullEntries } from './collections/PullEntries'
import { RouteSnapshots } from './collections/RouteSnapshots'
import { Screens } from './collections/Screens'
import { ServiceMessages } from './collections/ServiceMessages'
import { Users } from './collections/Users'
import { Brand } from './globals/Brand'
import { publicUrl, uploadLimitBytes } from './src/config/env'
import { databaseAdapter } from './src/db/databaseAdapter'
import { channelHealthEndpoint } from './src/health/channelHealthEndpoint'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  secret: process.env.PAYLOAD_SECRET ?? '',
  serverURL: publicUrl(),
  db: databaseAdapter(),
  editor: lexicalEditor(),
  sharp,
  collections: [
    News,
    Events,
    ServiceMessages,
    Media,
    Departments,
    Categories,
    Users,
    BrandAssets,
    Screens,
    Deliveries,
    DeliveryAttempts,
    ChannelEndpoints,
    PullEntries,
    RouteSnapshots,
    ChannelChecks,
  ],
  globals: [Brand],
  endpoints: [channelHealthEndpoint],
  admin: {
    user: Users.slug,
    // Payload's default fetches Gravatar: that sends every editor's e-mail hash to a third party.
    avatar: 'default',
    dateFormat: 'dd.MM.yyyy HH:mm',
    meta: { titleSuffix: ' – Innholdshuben' },
    timezones: {
      supportedTimezones: [{ label: 'Norge (Europe/Oslo)', value: 'Europe/Oslo' }],
      defaultTimezone: 'Europe/Oslo',
    },
    importMap: { baseDir: dirname },
  },
  i18n: {
    supportedLanguages: { nb, en },
    fallbackLanguage: 'nb',
  },
  // Busboy stops reading at the limit and marks the file truncated; the media pipeline then
  // refuses it with a 400 naming the limit (collections/Media, collections/BrandAssets).
  upload: { abortOnLimit: false, limits: { fileSize: uploadLimitBytes() } },
  telemetry: false,
  logger: { options: { level: process.env.LOG_LEVEL ?? 'info' } },
  typescript: { outputFile: path.resolve(dirname, 'src/payload-types.ts') },
  graphQL: { disablePlaygroundInProduction: true },
})
