import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { BaseDatabaseAdapter, DatabaseAdapterObj } from 'payload'

type SqliteArgs = Parameters<typeof sqliteAdapter>[0]

const LOCK_WAIT_MS = 30_000

/**
 * SQLite through libsql is synchronous, and every transaction gets a connection of its own.
 * Two overlapping write transactions in one process would make the second one wait for a lock
 * inside a synchronous call, blocking the event loop that the first needs to commit: a
 * deadlock until the busy timeout. So transactions in one process take turns here, and the
 * busy timeout (which libsql does not carry over to the fresh connection it opens after each
 * transaction) is set again on every new connection, for waits on other processes.
 */
export function serialisedSqliteAdapter(args: SqliteArgs): DatabaseAdapterObj {
  const base = sqliteAdapter(args)
  return {
    ...base,
    init: (initArgs) => {
      const adapter = base.init(initArgs)
      return serialiseTransactions(adapter, args.busyTimeout ?? 0)
    },
  }
}

type Client = { execute: (sql: string) => Promise<unknown> }

function serialiseTransactions<T extends BaseDatabaseAdapter>(adapter: T, busyTimeout: number): T {
  const begin = adapter.beginTransaction.bind(adapter)
  const commit = adapter.commitTransaction.bind(adapter)
  const rollback = adapter.rollbackTransaction.bind(adapter)
  const releases = new Map<string | number, () => void>()
  let tail: Promise<void> = Promise.resolve()

  const acquire = async (): Promise<() => void> => {
    let release!: () => void
    const turn = new Promise<void>((resolve) => {
      release = resolve
    })
    const previous = tail
    tail = previous.then(() => turn)
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(new Error(`SQLite transaction waited more than ${LOCK_WAIT_MS} ms for its turn`))
      }, LOCK_WAIT_MS)
    })
    try {
      await Promise.race([previous, timeout])
    } catch (err) {
      release()
      throw err
    } finally {
      clearTimeout(timer)
    }
    return release
  }

  adapter.beginTransaction = async (options) => {
    const release = await acquire()
    try {
      const id = await begin(options)
      if (id === null) {
        release()
        return id
      }
      releases.set(id, release)
      if (busyTimeout > 0) {
        const client = (adapter as unknown as { client?: Client }).client
        await client?.execute(`PRAGMA busy_timeout = ${busyTimeout}`)
      }
      return id
    } catch (err) {
      release()
      throw err
    }
  }

  const finish =
    (op: (id: string | number | Promise<string | number>) => Promise<void>) =>
    async (id: string | number | Promise<string | number>): Promise<void> => {
      const key = await id
      try {
        await op(key)
      } finally {
        releases.get(key)?.()
        releases.delete(key)
      }
    }
  adapter.commitTransaction = finish(commit)
  adapter.rollbackTransaction = finish(rollback)
  return adapter
}
