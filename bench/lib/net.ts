import http from 'node:http'
import net from 'node:net'

/** A port that was free a moment ago on 127.0.0.1; the caller binds it soon after. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => {
        resolve(port)
      })
    })
  })
}

/**
 * One GET, resolved with the status code, or 0 when nothing answered. A fresh connection each
 * time (no agent): a pooled keep-alive socket would outlive the poll and delay the server's
 * shutdown, and the baseline and the hub should pay the same connection cost.
 */
export function httpStatus(url: string, timeoutMs: number): Promise<number> {
  const target = new URL(url)
  if (target.hostname !== '127.0.0.1') {
    return Promise.reject(new Error(`benchmarks only talk to 127.0.0.1 (got ${target.hostname})`))
  }
  return new Promise((resolve) => {
    const req = http.get(target, { agent: false, timeout: timeoutMs }, (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.on('timeout', () => {
      req.destroy()
    })
    req.on('error', () => {
      resolve(0)
    })
  })
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
