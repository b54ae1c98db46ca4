import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { dataDir, projectRoot } from '../config/env'

/**
 * Settles the environment before anything reads it: `.env` if present, Next telemetry off, and
 * a server secret. Without PAYLOAD_SECRET the embedded setup keeps a generated one in
 * data/secret (0600), so `npm start` needs no configuration; PostgreSQL deployments must set it.
 */
export function prepareEnvironment(mode: 'production' | 'development'): void {
  const envFile = path.join(projectRoot(), '.env')
  if (fs.existsSync(envFile)) process.loadEnvFile(envFile)
  ;(process.env as Record<string, string>).NODE_ENV ??= mode
  process.env.NEXT_TELEMETRY_DISABLED ??= '1'
  if (!process.env.PAYLOAD_SECRET) {
    const url = process.env.DATABASE_URL ?? ''
    if (url && !url.startsWith('file:')) {
      throw new Error('PAYLOAD_SECRET must be set when DATABASE_URL points at a database server.')
    }
    process.env.PAYLOAD_SECRET = embeddedSecret()
  }
}

function embeddedSecret(): string {
  const file = path.join(dataDir(), 'secret')
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim()
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const secret = randomBytes(32).toString('hex')
  try {
    fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' })
    return secret
  } catch {
    // Another process wrote it first.
    return fs.readFileSync(file, 'utf8').trim()
  }
}
