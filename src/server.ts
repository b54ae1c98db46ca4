import http from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import next from 'next'
import type { Payload } from 'payload'

import { projectRoot, shutdownGraceMs } from './config/env'
import { registerPublicFonts } from './public/html'
import { PressRoom } from './public/press'
import { processSnapshots, startPublicRoutes } from './public/publicRoutes'
import { screenDirectory } from './public/signage/screenDirectory'
import { registerSignageAssets, signageRoutes } from './public/signage/signageRoutes'
import type { SnapshotRoutes } from './public/snapshotRoutes'
import { defaultAdminLanguage } from './routes/defaultAdminLanguage'
import { healthRoutes } from './routes/healthRoutes'

export type HubServer = {
  url: string
  server: http.Server
  snapshots: SnapshotRoutes
  /** Stop taking requests, let in-flight ones finish (up to the grace period), then close. */
  close: () => Promise<void>
}

export type ServerOptions = {
  payload: Payload
  port: number
  hostname?: string
  dev?: boolean
  /** The routes answered before Express. Default: this process's (`processSnapshots`). */
  snapshots?: SnapshotRoutes
}

/**
 * One process, three layers: materialised public routes (bytes in memory, no framework), then
 * Express for the hub's own routes, then Next for the admin, REST and GraphQL.
 */
export async function startServer(options: ServerOptions): Promise<HubServer> {
  const { payload, dev = false } = options
  const hostname = options.hostname ?? '0.0.0.0'
  const nextApp = next({ dev, dir: projectRoot(), hostname, port: options.port })
  await nextApp.prepare()
  const handleNext = nextApp.getRequestHandler()

  let draining = false
  const snapshots = options.snapshots ?? processSnapshots
  registerPublicFonts(snapshots)
  registerSignageAssets(snapshots)
  const screens = screenDirectory(payload)
  // Screen heartbeats (POST), answered before Express like the snapshots.
  const signage = signageRoutes({ payload, routes: snapshots, directory: screens })
  // Built from the database on demand and kept as bytes for a few seconds (src/public/press/).
  const pressRoom = new PressRoom({
    payload,
    onError: (err) => payload.logger.error({ err, msg: 'Building the press room failed' }),
  })
  // Feeds and playlists built by any process (workers included) are loaded before we listen.
  const publicRoutes = await startPublicRoutes({
    payload,
    routes: snapshots,
    screens,
    onError: (err) => payload.logger.error({ err, msg: 'Loading route snapshots failed' }),
  })
  const app = express()
  app.disable('x-powered-by')
  app.use(healthRoutes(payload, () => draining))
  app.use('/admin', defaultAdminLanguage('nb'))
  app.use((req, res) => handleNext(req, res))

  const server = http.createServer((req, res) => {
    if (draining) res.setHeader('Connection', 'close')
    if (!snapshots.serve(req, res) && !signage.serve(req, res) && !pressRoom.serve(req, res)) {
      app(req, res)
    }
  })
  server.keepAliveTimeout = 65_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, hostname, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const shownHost = hostname === '0.0.0.0' || hostname === '::' ? 'localhost' : hostname

  let closing: Promise<void> | undefined
  const close = (): Promise<void> => {
    closing ??= (async () => {
      draining = true
      publicRoutes.stop()
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeIdleConnections()
      const grace = new Promise<void>((resolve) => setTimeout(resolve, shutdownGraceMs()).unref())
      await Promise.race([closed, grace])
      server.closeAllConnections()
      await nextApp.close?.()
    })()
    return closing
  }

  return { url: `http://${shownHost}:${port}`, server, snapshots, close }
}
