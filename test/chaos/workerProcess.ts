import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '../..')
/** Kept per worker for the failure message; the tail is what explains a crash. */
const MAX_LOG_CHARS = 64 * 1024

export type Exit = { code: number | null; signal: NodeJS.Signals | null }

export type WorkerProcess = {
  readonly name: string
  readonly pid: number
  /** Stdout and stderr, the last 64 KiB. */
  output: () => string
  /** Resolves once the hub logged that it is ready; rejects if it exits first. */
  ready: (timeoutMs: number) => Promise<void>
  exited: Promise<Exit>
  /** How it ended, or null while it runs. */
  exit: () => Exit | null
  /** SIGKILL: no shutdown, no settlement, leases left behind. */
  kill: () => Promise<Exit>
  /** SIGTERM and the exit (SIGKILL after `timeoutMs`). */
  stop: (timeoutMs?: number) => Promise<Exit>
}

/**
 * Starts `npm start`'s entry point as a delivering worker (`HUB_ROLE=worker`, no HTTP), stdin
 * closed, under the production condition every entry point needs on Node 20.
 */
export function startWorker(name: string, env: NodeJS.ProcessEnv): WorkerProcess {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--conditions=production', '--import', 'tsx', 'src/start.ts'],
    { cwd: ROOT, env: { ...env, HUB_ROLE: 'worker' }, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  if (child.pid === undefined) throw new Error(`${name} did not start`)
  let log = ''
  let ended: Exit | null = null
  const listeners = new Set<() => void>()
  const append = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-MAX_LOG_CHARS)
    for (const listener of listeners) listener()
  }
  child.stdout?.on('data', append)
  child.stderr?.on('data', append)
  const exited = new Promise<Exit>((resolve) => {
    child.once('exit', (code, signal) => {
      ended = { code, signal }
      resolve(ended)
      for (const listener of listeners) listener()
    })
  })

  const ready = (timeoutMs: number) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (log.includes('Content hub ready')) done(resolve)
        else if (child.exitCode !== null || child.signalCode !== null)
          done(() => reject(new Error(`${name} exited before it was ready:\n${log}`)))
      }
      const timer = setTimeout(
        () => done(() => reject(new Error(`${name} not ready in ${timeoutMs} ms:\n${log}`))),
        timeoutMs,
      )
      const done = (settle: () => void) => {
        clearTimeout(timer)
        listeners.delete(check)
        settle()
      }
      listeners.add(check)
      check()
    })

  const signal = async (sig: NodeJS.Signals, escalateMs?: number): Promise<Exit> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(sig)
    const timer =
      escalateMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), escalateMs)
    const exit = await exited
    clearTimeout(timer)
    return exit
  }

  return {
    name,
    pid: child.pid,
    output: () => log,
    ready,
    exited,
    exit: () => ended,
    kill: () => signal('SIGKILL'),
    stop: (timeoutMs = 20_000) => signal('SIGTERM', timeoutMs),
  }
}
