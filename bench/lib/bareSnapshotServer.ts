/**
 * The baseline for bench/feeds: a bare node:http server answering the same bytes with the same
 * headers (and 304 for a matching If-None-Match), with nothing else in the process. Usage:
 * bareSnapshotServer.ts <routes.json> <port>.
 */
import fs from 'node:fs'
import http from 'node:http'

type Route = {
  path: string
  body: string
  etag: string
  lastModified: string
  cacheControl: string
  contentType: string
}

const list = JSON.parse(fs.readFileSync(process.argv[2] ?? '', 'utf8')) as Route[]
const routes = new Map(list.map((r) => [r.path, { ...r, bytes: Buffer.from(r.body, 'base64') }]))

http
  .createServer((req, res) => {
    const url = req.url ?? '/'
    const q = url.indexOf('?')
    const r = routes.get(q === -1 ? url : url.slice(0, q))
    if (!r) {
      res.statusCode = 404
      res.end()
      return
    }
    res.setHeader('ETag', r.etag)
    res.setHeader('Last-Modified', r.lastModified)
    res.setHeader('Cache-Control', r.cacheControl)
    if (req.headers['if-none-match'] === r.etag) {
      res.statusCode = 304
      res.end()
      return
    }
    res.setHeader('Content-Type', r.contentType)
    res.setHeader('Content-Length', r.bytes.length)
    res.end(r.bytes)
  })
  .listen(Number(process.argv[3]), '127.0.0.1')
