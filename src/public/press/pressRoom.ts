import { createHash } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Payload } from 'payload'

import { now as clockNow } from '../../clock'
import { publicUrl } from '../../config/env'
import { BRAND_FILE_PREFIX, loadPageBrand, pageHeaders } from '../html'
import {
  type BrandFile,
  loadPressAssets,
  pressColours,
  pressTypefaces,
  toBrandFile,
} from './loadPressAssets'
import { loadPressReleases, nextPressBoundary } from './loadPressReleases'
import type { PressKit } from './pressKitTypes'
import { renderPressPage } from './renderPressPage'
import { type CachedBody, sendCached, sendText } from './respond'
import { NO_SUCH_FILE, serveBrandFile } from './serveBrandFile'

export const PRESS_PATHS = { page: '/press', json: '/api/press-kit' } as const

/** Content may change without a write we see (an edit in another process): rebuild this often. */
export const DEFAULT_PRESS_TTL_MS = 5_000

export type PressRoomOptions = {
  payload: Payload
  now?: () => Date
  ttlMs?: number
  onError?: (err: unknown) => void
}

type Built = {
  /** Hash of everything shown, to tell a real change from a rebuild of the same content. */
  contentTag: string
  page: CachedBody
  json: CachedBody
  files: Map<string, BrandFile>
  /** Epoch ms: the time the build read the database as of. */
  builtAt: number
  /** Epoch ms: from here on, answer from this copy but rebuild in the background. */
  staleAt: number
  /** Epoch ms: from here on, rebuild before answering (a release's time came, or it is too old). */
  expiresAt: number
}

function etagOf(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`
}

/**
 * The press room: `/press` (HTML), `/api/press-kit` (JSON) and `/press/files/<name>` (brand
 * asset downloads), answered in front of Express and Next. Page and JSON are built together
 * from the database and kept as bytes. After the TTL the old copy is still answered while one
 * rebuild runs in the background (so readers never wait for the database under load); after
 * two TTLs, or once the next publish, embargo or expiry time of a press release comes, readers
 * wait for the rebuild, so a cached copy never shows a release after it expires or before its
 * embargo lifts. Browsers must revalidate (ETag).
 */
export class PressRoom {
  readonly #payload: Payload
  readonly #now: () => Date
  readonly #ttlMs: number
  readonly #onError: (err: unknown) => void
  #built: Built | undefined
  #building: Promise<Built> | undefined

  constructor(options: PressRoomOptions) {
    this.#payload = options.payload
    this.#now = options.now ?? clockNow
    this.#ttlMs = options.ttlMs ?? DEFAULT_PRESS_TTL_MS
    this.#onError = options.onError ?? (() => {})
  }

  /** Answers the request if its path belongs to the press room; returns false to pass it on. */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    const url = req.url ?? '/'
    const q = url.indexOf('?')
    const path = q === -1 ? url : url.slice(0, q)
    if (path !== PRESS_PATHS.page && path !== PRESS_PATHS.json && !path.startsWith('/press/')) {
      return false
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD')
      sendText(res, 405, 'Presserommet kan bare leses (GET eller HEAD).')
      return true
    }
    this.#answer(req, res, path).catch((err: unknown) => {
      this.#onError(err)
      if (!res.headersSent) sendText(res, 503, 'Presserommet er ikke tilgjengelig akkurat nå.')
      else res.destroy()
    })
    return true
  }

  /** Drops the cached copy, so the next request rebuilds it (after a change we know of). */
  invalidate(): void {
    this.#built = undefined
  }

  async #answer(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (path === PRESS_PATHS.page || path === `${PRESS_PATHS.page}/`) {
      sendCached(req, res, (await this.current()).page)
    } else if (path === PRESS_PATHS.json) {
      sendCached(req, res, (await this.current()).json)
    } else if (path.startsWith(BRAND_FILE_PREFIX)) {
      const file = await this.#file(path.slice(BRAND_FILE_PREFIX.length))
      if (file) await serveBrandFile(req, res, file)
      else sendText(res, 404, NO_SUCH_FILE)
    } else {
      sendText(res, 404, 'Fant ingenting med den adressen i presserommet. Se /press.')
    }
  }

  async #file(encoded: string): Promise<BrandFile | null> {
    let name: string
    try {
      name = decodeURIComponent(encoded)
    } catch {
      return null
    }
    if (!name || name.includes('/') || name.includes('\\') || name.startsWith('.')) return null
    const known = (await this.current()).files.get(name)
    if (known) return known
    // Uploaded since the last build: ask the database rather than wait for the TTL.
    const found = await this.#payload.find({
      collection: 'brand-assets',
      where: { filename: { equals: name } },
      overrideAccess: false,
      depth: 0,
      limit: 1,
      pagination: false,
    })
    const doc = found.docs[0]
    return doc ? toBrandFile(doc) : null
  }

  /** The cached build while fresh enough (see the class comment), else a rebuild. */
  async current(): Promise<Built> {
    const at = this.#now()
    const built = this.#built
    if (built && at.getTime() < built.staleAt) return built
    if (built && at.getTime() < built.expiresAt) {
      this.#rebuild(at).catch(this.#onError)
      return built
    }
    let fresh = await this.#rebuild(at)
    // A rebuild that began before a release's time came cannot answer for after it.
    while (fresh.builtAt < at.getTime() && at.getTime() >= fresh.expiresAt) {
      fresh = await this.#rebuild(this.#now())
    }
    return fresh
  }

  /** Resolves when no rebuild is running (tests, after a background rebuild was started). */
  async settled(): Promise<void> {
    await this.#building?.catch(() => undefined)
  }

  /** One rebuild at a time, shared by everyone who asks while it runs. */
  #rebuild(at: Date): Promise<Built> {
    this.#building ??= this.#build(at).finally(() => {
      this.#building = undefined
    })
    return this.#building
  }

  async #build(at: Date): Promise<Built> {
    const payload = this.#payload
    const [brand, loaded, pressReleases, boundary] = await Promise.all([
      loadPageBrand(payload),
      loadPressAssets(payload),
      loadPressReleases(payload),
      nextPressBoundary(payload, at),
    ])
    const base = publicUrl()
    const content: Omit<PressKit, 'updatedAt'> = {
      organisation: brand.organisationName,
      links: {
        page: `${base}${PRESS_PATHS.page}`,
        json: `${base}${PRESS_PATHS.json}`,
        rss: `${base}/feeds/press.rss`,
        feeds: `${base}/feeds`,
      },
      colours: pressColours(brand),
      typefaces: pressTypefaces(brand),
      assets: loaded.assets,
      pressReleases,
    }
    const previous = this.#built
    // `updatedAt` is when the content last changed, so unchanged content keeps its bytes and ETag.
    const contentTag = etagOf(Buffer.from(JSON.stringify(content)))
    const updatedAt = previous?.contentTag === contentTag ? previous.json.lastModified : at
    const kit: PressKit = { ...content, updatedAt: updatedAt.toISOString() }
    const jsonBody = Buffer.from(JSON.stringify(kit))
    const page = renderPressPage(kit, brand)
    const pageBody = Buffer.from(page.html)
    const built: Built = {
      contentTag,
      page: {
        body: pageBody,
        etag: etagOf(pageBody),
        lastModified: updatedAt,
        headers: { ...pageHeaders(page), 'Cache-Control': 'no-cache' },
      },
      json: {
        body: jsonBody,
        etag: etagOf(jsonBody),
        lastModified: updatedAt,
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'Cache-Control': 'no-cache',
          'X-Content-Type-Options': 'nosniff',
          'Access-Control-Allow-Origin': '*',
        },
      },
      files: loaded.files,
      builtAt: at.getTime(),
      staleAt: Math.min(at.getTime() + this.#ttlMs, boundary ?? Number.POSITIVE_INFINITY),
      expiresAt: Math.min(at.getTime() + 2 * this.#ttlMs, boundary ?? Number.POSITIVE_INFINITY),
    }
    this.#built = built
    return built
  }
}
