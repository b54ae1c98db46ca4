import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const live = new Set<string>()

/** A fresh directory under the OS temp dir, remembered so an aborted bench still removes it. */
export function makeTempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`))
  live.add(dir)
  return dir
}

export function removeTempDir(dir: string): void {
  // Retries cover SQLite's -wal/-shm files still being released right after the child exits.
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 })
  live.delete(dir)
}

export function removeAllTempDirs(): void {
  for (const dir of [...live]) {
    try {
      removeTempDir(dir)
    } catch (err) {
      process.stderr.write(`could not remove ${dir}: ${String(err)}\n`)
    }
  }
}
