import { type ChildProcess, spawn } from 'node:child_process'

import { httpStatus, sleep } from './net'
import { elapsedMs } from './stats'

export type StartSpec = {
  command: string
  args: string[]
  cwd: string
  env: NodeJS.ProcessEnv
  /** Polled with GET until it answers 200. */
  readyUrl: string
  pollMs?: number
  timeoutMs?: number
}

export type Exit = { code: number | null; signal: NodeJS.Signals | null; error?: Error }

export type StopInfo = Exit & { stopMs: number; killed: boolean }

export type Started = {
  /** Spawn → first 200, measured with the monotonic high-resolution clock. */
  readyMs: number
  child: ChildProcess
  output: () => string
  /** SIGTERM, then SIGKILL if it has not exited after `killAfterMs`. */
  stop: (killAfterMs?: number) => Promise<StopInfo>
}

/** A start that never reached 200: `exited` when the process died first, `timeout` otherwise. */
export class StartError extends Error {
  constructor(
    readonly kind: 'exited' | 'timeout',
    readonly detail: string,
    output: string,
  ) {
    const tail = output.trim().split('\n').slice(-40).join('\n')
    super(
      `${kind === 'exited' ? 'exited' : 'not ready'} (${detail})\n--- last output ---\n${tail || '(none)'}`,
    )
    this.name = 'StartError'
  }
}

const OUTPUT_LIMIT = 64 * 1024
const live = new Set<ChildProcess>()

/** Spawns a server and measures how long it takes to answer 200 on `readyUrl`. */
export async function startUntilReady(spec: StartSpec): Promise<Started> {
  const pollMs = spec.pollMs ?? 25
  const deadline = Date.now() + (spec.timeoutMs ?? 60_000)
  const started = process.hrtime.bigint()
  const child = spawn(spec.command, spec.args, {
    cwd: spec.cwd,
    env: spec.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  live.add(child)
  const output = captureOutput(child)
  const exited = exitOf(child)
  // An object, not a `let`: control-flow analysis cannot see the callback assign a local.
  const state: { exit?: Exit } = {}
  void exited.then((info) => (state.exit = info))

  for (;;) {
    if (state.exit) {
      await drained(child)
      throw new StartError('exited', `${describeExit(state.exit)} before it was ready`, output())
    }
    if ((await httpStatus(spec.readyUrl, 2_000)) === 200) break
    if (Date.now() > deadline) {
      await stopChild(child, exited, 5_000)
      throw new StartError(
        'timeout',
        `no 200 within ${String(spec.timeoutMs ?? 60_000)} ms`,
        output(),
      )
    }
    await sleep(pollMs)
  }
  const readyMs = elapsedMs(started)
  return { readyMs, child, output, stop: (killAfterMs) => stopChild(child, exited, killAfterMs) }
}

/** Last resort on abort: SIGKILL everything still running, without waiting. */
export function killAllChildren(): void {
  for (const child of live) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  }
  live.clear()
}

async function stopChild(
  child: ChildProcess,
  exited: Promise<Exit>,
  killAfterMs = 20_000,
): Promise<StopInfo> {
  const started = process.hrtime.bigint()
  let killed = false
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
  const timer = setTimeout(() => {
    killed = true
    child.kill('SIGKILL')
  }, killAfterMs)
  const info = await exited
  clearTimeout(timer)
  return { ...info, stopMs: elapsedMs(started), killed }
}

/** Resolves once, on exit or on a spawn error (which may come without an exit event). */
function exitOf(child: ChildProcess): Promise<Exit> {
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      live.delete(child)
      resolve({ code, signal })
    })
    child.once('error', (error) => {
      live.delete(child)
      resolve({ code: null, signal: null, error })
    })
  })
}

/**
 * 'exit' can come before the last stdout/stderr chunks are read; 'close' comes after them. Bounded,
 * because a grandchild that inherited the pipes would hold 'close' back indefinitely.
 */
async function drained(child: ChildProcess, waitMs = 1_000): Promise<void> {
  if (child.stdout?.closed !== false && child.stderr?.closed !== false) return
  await Promise.race([new Promise((resolve) => child.once('close', resolve)), sleep(waitMs)])
}

/** Keeps the tail of stdout+stderr: the pipes must be drained or a chatty child blocks. */
function captureOutput(child: ChildProcess): () => string {
  let text = ''
  const append = (chunk: Buffer): void => {
    text += chunk.toString()
    if (text.length > OUTPUT_LIMIT) text = text.slice(-OUTPUT_LIMIT)
  }
  child.stdout?.on('data', append)
  child.stderr?.on('data', append)
  return () => text
}

function describeExit(exit: Exit): string {
  if (exit.error) return exit.error.message
  return exit.signal ? `signal ${exit.signal}` : `code ${String(exit.code)}`
}
