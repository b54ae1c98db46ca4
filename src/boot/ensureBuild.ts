import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { projectRoot } from '../config/env'
import { withLockFile } from '../db/lockFile'

const INPUTS = ['package-lock.json', 'next.config.mjs', 'payload.config.ts', 'tsconfig.json']
const INPUT_DIRS = ['collections', 'globals', 'channels', 'media', 'src']
const STAMP = 'hub-build-stamp'

export function nextDistDir(): string {
  return path.join(projectRoot(), process.env.HUB_NEXT_DIST_DIR ?? '.next')
}

/** A hash of everything the Next build compiles, so a start rebuilds only when sources changed. */
export function buildFingerprint(): string {
  const root = projectRoot()
  const hash = createHash('sha256')
  const files = [...INPUTS, ...INPUT_DIRS.flatMap((dir) => listFiles(path.join(root, dir), root))]
  for (const rel of files.sort()) {
    const abs = path.join(root, rel)
    if (!fs.existsSync(abs)) continue
    hash.update(rel).update('\0').update(fs.readFileSync(abs)).update('\0')
  }
  return hash.digest('hex')
}

function listFiles(dir: string, root: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
}

export function buildIsCurrent(): boolean {
  const dist = nextDistDir()
  const stampFile = path.join(dist, STAMP)
  return (
    fs.existsSync(path.join(dist, 'BUILD_ID')) &&
    fs.existsSync(stampFile) &&
    fs.readFileSync(stampFile, 'utf8') === buildFingerprint()
  )
}

/** Runs `next build` when the admin bundle is missing or older than the sources. */
export async function ensureBuild(log: (line: string) => void = console.log): Promise<boolean> {
  if (buildIsCurrent()) return false
  return withLockFile(
    `${nextDistDir()}.build-lock`,
    async () => {
      if (buildIsCurrent()) return false
      log('Building the admin interface (first start, or sources changed; about a minute)…')
      const fingerprint = buildFingerprint()
      await runNextBuild()
      fs.writeFileSync(path.join(nextDistDir(), STAMP), fingerprint)
      return true
    },
    15 * 60_000,
  )
}

function runNextBuild(): Promise<void> {
  const bin = path.join(projectRoot(), 'node_modules', 'next', 'dist', 'bin', 'next')
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'build'], {
      cwd: projectRoot(),
      env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`next build exited with code ${String(code)}`)),
    )
  })
}
