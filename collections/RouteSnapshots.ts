import type { CollectionConfig } from 'payload'

const nobody = () => false

/**
 * The materialised public routes (feeds, playlists) as built by the worker that delivered, so
 * every web process serves the same bytes: each loads them at boot and polls for changes
 * (src/public/snapshotSync.ts). Hidden and closed to the API: the routes themselves serve them.
 */
export const RouteSnapshots: CollectionConfig = {
  slug: 'route-snapshots',
  labels: {
    singular: { nb: 'Publisert rute', en: 'Route snapshot' },
    plural: { nb: 'Publiserte ruter', en: 'Route snapshots' },
  },
  admin: { hidden: true },
  graphQL: false,
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  fields: [
    /** The URL path it answers, e.g. `/feeds/news.rss`. */
    { name: 'path', type: 'text', required: true, unique: true, index: true },
    /** `channel:target` that built it. */
    { name: 'owner', type: 'text', required: true, index: true },
    { name: 'body', type: 'textarea', required: true },
    { name: 'contentType', type: 'text', required: true },
    { name: 'etag', type: 'text', required: true },
    { name: 'lastModified', type: 'date', required: true },
    { name: 'cacheControl', type: 'text', required: true },
    /** `public`, or the access rule an authorizer checks (`internal`, `screen:<id>` …). */
    { name: 'access', type: 'text', required: true, defaultValue: 'public' },
    /**
     * The newest entry change it was built from (ms). A rebuild that read older entries never
     * overwrites a newer snapshot, whichever worker finishes last.
     */
    { name: 'generation', type: 'number', required: true },
  ],
}
