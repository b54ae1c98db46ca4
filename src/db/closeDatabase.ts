import type { Payload } from 'payload'

type PgClient = { release: (err?: Error | boolean) => void }
type PgPool = {
  end: () => Promise<void>
  ended?: boolean
  _clients?: PgClient[]
  _idle?: { client: PgClient }[]
}
type Closable = {
  pool?: PgPool
  client?: { close?: () => void; closed?: boolean }
  connection?: { close?: () => Promise<void> }
}

/**
 * Payload's `destroy()` resets the SQL adapters' state but leaves their connections open (the
 * PostgreSQL pool, the libsql client), so a stopping process closes them here. Call it after
 * in-flight requests have finished.
 */
export async function closeDatabase(payload: Payload): Promise<void> {
  const db = payload.db as unknown as Closable
  const { pool, client, connection } = db
  await payload.destroy()
  if (pool && !pool.ended) {
    releaseLeakedClients(pool)
    await pool.end()
  }
  if (client && !client.closed) client.close?.()
  if (connection?.close && payload.db.name === 'mongoose') await connection.close()
}

/**
 * @payloadcms/db-postgres 3.90 checks a client out of the pool in `connect()` to test the
 * connection and never returns it, and `pool.end()` waits for every client to come back.
 */
function releaseLeakedClients(pool: PgPool): void {
  const idle = new Set((pool._idle ?? []).map((item) => item.client))
  for (const c of pool._clients ?? []) {
    if (!idle.has(c)) c.release()
  }
}
