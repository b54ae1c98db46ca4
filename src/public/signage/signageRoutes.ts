import fs from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import type { Payload } from 'payload'

import { PLAYER_SCRIPT_PATH, SERVICE_WORKER_PATH } from '../../../channels/signage/playerPage'
import { recordHeartbeat } from '../../../channels/signage/recordHeartbeat'
import { CONTENT_TYPES, renditionPath } from '../../../media/renditions/renditionStore'
import { playlistPath } from '../../../channels/signage/screenStatus'
import { now as hubNow } from '../../clock'
import type { SnapshotRoutes } from '../snapshotRoutes'
import { decideScreenKey, presentedKey } from './screenAuthorizer'
import type { ScreenDirectory } from './screenDirectory'

const PLAYER_DIR = path.resolve(import.meta.dirname, '../../../channels/signage/player')
const HEARTBEAT = /^\/signage\/([a-z0-9]+(?:-[a-z0-9]+)*)\/heartbeat$/
/** A staff-room screen's photo: `/signage/<slug>/media/<rendition key>/<file>`. */
export const SCREEN_MEDIA = /^\/signage\/([a-z0-9]+(?:-[a-z0-9]+)*)\/media\/([^/]+)\/([^/]+)$/
const VERSION = /^(W\/)?"[A-Za-z0-9_-]{1,64}"$/
const MAX_BODY = 1024

/**
 * The player's script and service worker, the same for every screen. Served with `no-cache`:
 * a player revalidates them (a 304 while unchanged) and its service worker keeps a copy for
 * when the hub cannot be reached.
 */
export function registerSignageAssets(routes: SnapshotRoutes): void {
  const assets = [
    { path: PLAYER_SCRIPT_PATH, file: 'player.mjs' },
    { path: SERVICE_WORKER_PATH, file: 'sw.mjs' },
  ]
  for (const asset of assets) {
    routes.put(asset.path, {
      body: fs.readFileSync(path.join(PLAYER_DIR, asset.file)),
      contentType: 'text/javascript; charset=utf-8',
      cacheControl: 'no-cache',
    })
  }
}

export type SignageRoutesOptions = {
  payload: Payload
  routes: SnapshotRoutes
  directory: ScreenDirectory
  now?: () => Date
}

/**
 * `POST /signage/<screen>/heartbeat` with `{ "version": "<the playlist ETag on screen>" }`:
 * records when the player was last seen and what it shows, and answers whether that is the
 * current playlist. A screen with a key needs it here too (`?key=` or a Bearer header), so
 * nobody else can report for it; a public screen without a key takes heartbeats as they come.
 */
export function signageRoutes(options: SignageRoutesOptions) {
  const { payload, routes, directory } = options
  const now = options.now ?? hubNow

  const handle = async (req: IncomingMessage, res: ServerResponse, slug: string) => {
    const screen = await directory.bySlug(slug)
    if (!screen) return answer(res, 404, { error: 'Fant ingen infoskjerm med den adressen.' })
    const key = presentedKey(req)
    if (screen.keyHash || !screen.public) {
      const decision = decideScreenKey(screen, key, payload.secret)
      if (decision === 'unauthenticated') {
        return answer(res, 401, { error: 'Krever skjermnøkkelen (?key=…).' })
      }
      if (decision === 'forbidden') {
        return answer(res, 403, { error: 'Skjermnøkkelen gjelder ikke denne skjermen.' })
      }
    }
    const body = await readBody(req)
    if (body === null) return answer(res, 413, { error: 'Hjerteslaget er for stort.' })
    let version: unknown
    try {
      version = body ? (JSON.parse(body) as { version?: unknown }).version : undefined
    } catch {
      return answer(res, 400, { error: 'Hjerteslaget må være JSON.', field: 'version' })
    }
    if (
      version !== undefined &&
      version !== null &&
      (typeof version !== 'string' || !VERSION.test(version))
    ) {
      return answer(res, 400, {
        error: 'Feltet «version» må være ETag-en til spillelisten skjermen viser.',
        field: 'version',
      })
    }
    const shown = typeof version === 'string' ? version.replace(/^W\//, '') : null
    const current = routes.get(playlistPath(slug))?.etag ?? null
    await recordHeartbeat(payload, { id: screen.id, version: shown, at: now() })
    return answer(res, 200, { current: shown !== null && shown === current, version: current })
  }

  // Only pictures the screen's current playlist shows, only with the screen's key.
  const media = async (req: IncomingMessage, res: ServerResponse, path: string, slug: string) => {
    const screen = await directory.bySlug(slug)
    const decision = decideScreenKey(screen, presentedKey(req), payload.secret)
    if (!screen || decision === 'unauthenticated') {
      return answer(res, screen ? 401 : 404, { error: 'Krever skjermnøkkelen (?key=…).' })
    }
    if (decision === 'forbidden') {
      return answer(res, 403, { error: 'Skjermnøkkelen gjelder ikke denne skjermen.' })
    }
    const [, , renditionKey = '', file = ''] = SCREEN_MEDIA.exec(path) ?? []
    const shown = routes.get(playlistPath(slug))?.body.includes(Buffer.from(`${path}"`)) ?? false
    const filePath = shown ? renditionPath(renditionKey, file) : null
    const data = filePath ? await fs.promises.readFile(filePath).catch(() => null) : null
    if (!data) return answer(res, 404, { error: 'Fant ikke bildet på denne skjermen.' })
    res.statusCode = 200
    res.setHeader(
      'Content-Type',
      CONTENT_TYPES[file.slice(file.lastIndexOf('.') + 1)] ?? 'application/octet-stream',
    )
    res.setHeader('Content-Length', data.length)
    res.setHeader('Cache-Control', 'private, max-age=31536000, immutable')
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.end(req.method === 'HEAD' ? undefined : data)
  }

  return {
    /** Answers the request if it is a heartbeat or a screen's picture; returns false to pass it on. */
    serve(req: IncomingMessage, res: ServerResponse): boolean {
      const url = req.url ?? '/'
      const q = url.indexOf('?')
      const path = q === -1 ? url : url.slice(0, q)
      const picture = SCREEN_MEDIA.exec(path)
      if (picture?.[1] && (req.method === 'GET' || req.method === 'HEAD')) {
        media(req, res, path, picture[1]).catch((err: unknown) => {
          payload.logger.error({ err, msg: 'Serving a screen picture failed' })
          if (!res.headersSent) answer(res, 503, { error: 'Bildet kunne ikke leses nå.' })
        })
        return true
      }
      const match = HEARTBEAT.exec(path)
      if (!match?.[1]) return false
      if (req.method !== 'POST') {
        res.setHeader('Allow', 'POST')
        answer(res, 405, { error: 'Bruk POST.' })
        return true
      }
      handle(req, res, match[1]).catch((err: unknown) => {
        payload.logger.error({ err, msg: 'Recording a screen heartbeat failed' })
        if (!res.headersSent)
          answer(res, 503, { error: 'Hjerteslaget ble ikke lagret. Prøv igjen.' })
      })
      return true
    },
  }
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    let size = 0
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY) {
        resolve(null)
        req.resume()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function answer(res: ServerResponse, status: number, body: object): void {
  const bytes = Buffer.from(JSON.stringify(body))
  res.statusCode = status
  res.setHeader('Content-Type', 'application/json; charset=utf-8')
  res.setHeader('Content-Length', bytes.length)
  res.setHeader('Cache-Control', 'no-store')
  res.end(bytes)
}
