import fs from 'node:fs/promises'
import path from 'node:path'

/** A cross-process lock: a file created exclusively, taken over when its holder has died. */
export async function withLockFile<T>(
  lockPath: string,
  fn: () => Promise<T>,
  waitMs = 120_000,
): Promise<T> {
  await fs.mkdir(path.dirname(lockPath), { recursive: true })
  const deadline = Date.now() + waitMs
  for (;;) {
    try {
      const handle = await fs.open(lockPath, 'wx')
      await handle.writeFile(String(process.pid))
      await handle.close()
      break
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      if (await holderIsGone(lockPath)) {
        await fs.rm(lockPath, { force: true })
        continue
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for start-up lock ${lockPath}`)
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }
  try {
    return await fn()
  } finally {
    await fs.rm(lockPath, { force: true })
  }
}

async function holderIsGone(lockPath: string): Promise<boolean> {
  const pid = Number(await fs.readFile(lockPath, 'utf8').catch(() => ''))
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return false
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH'
  }
}
