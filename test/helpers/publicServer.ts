import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type PublicHandler = (req: http.IncomingMessage, res: http.ServerResponse) => boolean

export type PublicServer = { url: string; close: () => Promise<void> }

/**
 * A real HTTP server made of the hub's fast-path handlers only (no Next, no Express), the way
 * src/server.ts chains them; anything they pass on is a 404. Close it in afterAll.
 */
export async function startPublicServer(handlers: PublicHandler[]): Promise<PublicServer> {
  const server = http.createServer((req, res) => {
    if (handlers.some((handle) => handle(req, res))) return
    res.statusCode = 404
    res.end('not a public route\n')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
