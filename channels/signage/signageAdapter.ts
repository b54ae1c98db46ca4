import type { Payload, PayloadRequest } from 'payload'

import { publicUrl as hubPublicUrl } from '../../src/config/env'
import { DEFAULT_PAGE_BRAND, loadPageBrand, type PageBrand } from '../../src/public/html'
import { createPullPublisher, type PullPublisher } from '../../src/public/pullPublisher'
import { retireSnapshots } from './retireSnapshots'
import type { SnapshotRoutes } from '../../src/public/snapshotRoutes'
import type { ChannelAdapter, Receipt, Target } from '../contract'
import { PermanentDeliveryError } from '../errors'
import { buildScreenSnapshots } from './buildScreenSnapshots'
import { slideValidUntil } from './buildPlaylist'
import { type LoadedScreen, loadScreens } from './loadScreens'
import { screenBase } from './playerPage'
import { renderSignageEntry } from './renderSignageEntry'
import { screenAccepts } from './screenAccepts'
import { screenHealth } from './screenHealth'
import type { SignageEntry } from './types'

export type SignageAdapterOptions = {
  payload: Payload
  /** This process's served routes (role `all`/`web`): rebuilt playlists are put there at once. */
  routes?: SnapshotRoutes
  publicUrl?: () => string
  now?: () => Date
  /** How long the list of screens is reused. Default 2 s; a screen save reloads it at once. */
  targetsTtlMs?: number
  /** Build every screen's snapshots at once (the hub's registry; tests leave it off). */
  warm?: boolean
}

export type SignageAdapter = ChannelAdapter<SignageEntry> & {
  readonly publisher: PullPublisher<SignageEntry>
  /** The screens as last loaded. */
  screens(): readonly LoadedScreen[]
  /** Reloads the screens now (inside the saving request's transaction when given). */
  reloadScreens(req?: Partial<PayloadRequest>): Promise<readonly LoadedScreen[]>
  /** Rebuilds a screen's playlist, player and feed (after its settings changed). */
  rebuildScreen(id: string): Promise<void>
  /**
   * After a screen was saved (`updatedAt`) or removed (`updatedAt: null`): rebuilds it and drops
   * the routes at `retiredSlug`, in the background, once the save has committed.
   */
  afterScreenSaved(
    id: string,
    saved: { retiredSlug: string | null; updatedAt: string | null },
  ): void
  /** Resolves when the background work started by `afterScreenSaved` is done (tests). */
  idle(): Promise<void>
}

/**
 * Digital signage as a pull channel: one target per screen. `deliver` puts the item's slide on
 * the screen and rebuilds its playlist, player page and RSS feed; `retract` takes it off and
 * rebuilds. A staff-room screen is not public: the outbox lets internal items in, and its routes
 * answer only with the screen's key. See README.md.
 */
export function signageAdapter(options: SignageAdapterOptions): SignageAdapter {
  const { payload } = options
  const publicUrl = options.publicUrl ?? hubPublicUrl
  const ttl = options.targetsTtlMs ?? 2000
  let screens = new Map<string, LoadedScreen>()
  let brand: PageBrand = DEFAULT_PAGE_BRAND
  let loadedAt = -Infinity
  let loading: Promise<void> | undefined

  const publisher = createPullPublisher<SignageEntry>({
    payload,
    channel: 'signage',
    routes: options.routes,
    now: options.now,
    limit: () => 50,
    build: (target, entries, ctx) => {
      const screen = screens.get(target)
      return screen
        ? buildScreenSnapshots(screen, entries, { ...ctx, publicUrl: publicUrl(), brand })
        : []
    },
  })

  const reload = async (req?: Partial<PayloadRequest>): Promise<void> => {
    const [loaded, loadedBrand] = await Promise.all([
      loadScreens(payload, req),
      loadPageBrand(payload).catch(() => brand),
    ])
    screens = new Map(loaded.map((s) => [s.id, s]))
    brand = loadedBrand
    loadedAt = performance.now()
  }
  const refresh = async (): Promise<void> => {
    if (performance.now() - loadedAt < ttl) return
    loading ??= reload().finally(() => (loading = undefined))
    await loading
  }

  const screenFor = async (target: Target): Promise<LoadedScreen> => {
    if (!screens.has(target.id)) {
      loadedAt = -Infinity
      await refresh()
    }
    const screen = screens.get(target.id)
    if (!screen) {
      throw new PermanentDeliveryError(`Infoskjermen «${target.name ?? target.id}» finnes ikke`, {
        code: 'screen-unknown',
      })
    }
    return screen
  }

  const receiptOf = (screen: LoadedScreen, uid: string, generation: number): Receipt => ({
    externalId: `${screen.id}:${uid}`,
    externalUrl: `${publicUrl()}${screenBase(screen.slug)}`,
    acknowledgedAt: new Date(generation || Date.now()).toISOString(),
    detail: { itemUid: uid },
  })

  // Background work must never end in an unhandled rejection, even with a stand-in Payload
  // (registry tests build the adapter without a database).
  const logError = (err: unknown, msg: string): void => {
    const logger = (payload as Partial<Payload>).logger
    if (logger) logger.error({ err, msg })
    else console.error(msg, err)
  }
  const pending = new Set<Promise<void>>()
  const background = (work: () => Promise<void>): void => {
    const run: Promise<void> = Promise.resolve()
      .then(work)
      .catch((err: unknown) => {
        logError(err, 'Rebuilding a screen after its save failed')
      })
      .finally(() => pending.delete(run))
    pending.add(run)
  }

  if (options.warm) {
    refresh()
      .then(() => Promise.all([...screens.keys()].map((id) => publisher.rebuild(id))))
      .catch((err: unknown) => {
        logError(err, 'Building the signage playlists failed')
      })
  }

  return {
    name: 'signage',
    publisher,
    screens: () => [...screens.values()],

    async reloadScreens(req) {
      await reload(req)
      return [...screens.values()]
    },

    async rebuildScreen(id) {
      if (screens.has(id)) await publisher.rebuild(id)
    },

    afterScreenSaved(id, saved) {
      background(async () => {
        if (saved.retiredSlug) {
          const base = screenBase(saved.retiredSlug)
          const paths = [base, `${base}/playlist.json`, `${base}/feed.rss`]
          await retireSnapshots(payload, paths)
          for (const path of paths) options.routes?.delete(path)
        }
        if (saved.updatedAt === null) return
        // The save commits after its hooks: wait until the saved version can be read, so the
        // rebuild uses it, not the one before (PostgreSQL) or a map without the new screen.
        const wanted = Date.parse(saved.updatedAt)
        for (let attempt = 0; attempt < 25; attempt++) {
          await reload()
          const screen = screens.get(id)
          if (screen && Date.parse(screen.updatedAt) >= wanted) break
          await new Promise((resolve) => setTimeout(resolve, 200))
        }
        if (screens.has(id)) await publisher.rebuild(id)
      })
    },

    async idle() {
      while (pending.size > 0) await Promise.all([...pending])
    },

    async targets() {
      await refresh()
      return [...screens.values()].map((s) => ({ id: s.id, name: s.name, public: s.public }))
    },

    accepts(item, target) {
      const screen = screens.get(target.id)
      return screen ? screenAccepts(item, screen) : 'Ukjent infoskjerm'
    },

    render: (item) => renderSignageEntry(item),

    async deliver(entry, ctx) {
      const screen = await screenFor(ctx.target)
      const result = await publisher.upsert(screen.id, {
        itemUid: entry.uid,
        sortAt: new Date(entry.publishedAt),
        revision: entry.revision,
        entry,
        // The next rebuild leaves it out once it is past its time on this screen.
        expiresAt: slideValidUntil(entry, screen),
      })
      return receiptOf(screen, entry.uid, result.generation)
    },

    async retract(receipt, ctx) {
      const uid = itemUidOf(receipt, ctx.target.id)
      if (!uid) {
        throw new PermanentDeliveryError(
          'Kvitteringen sier ikke hvilken sak som skal av infoskjermen',
          { code: 'receipt-incomplete' },
        )
      }
      const result = await publisher.remove(ctx.target.id, uid)
      return {
        ...receipt,
        detail: { ...receipt.detail, itemUid: uid, retractedGeneration: result.generation },
      }
    },

    async find(entry, ctx) {
      if (!(await publisher.has(ctx.target.id, entry.uid))) return null
      const screen = screens.get(ctx.target.id)
      return screen
        ? receiptOf(screen, entry.uid, 0)
        : { externalId: `${ctx.target.id}:${entry.uid}`, detail: { itemUid: entry.uid } }
    },

    async health() {
      await refresh()
      return screenHealth(payload, [...screens.values()], options.now?.() ?? new Date())
    },
  }
}

function itemUidOf(receipt: Receipt, target: string): string | undefined {
  const fromDetail = receipt.detail?.itemUid
  if (typeof fromDetail === 'string' && fromDetail) return fromDetail
  const prefix = `${target}:`
  return receipt.externalId?.startsWith(prefix)
    ? receipt.externalId.slice(prefix.length)
    : undefined
}
