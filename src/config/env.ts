import path from 'node:path'

/**
 * Every environment variable the hub reads, in one place. README's configuration table is
 * written from this file; keep the two in step.
 */
export type DatabaseKind = 'sqlite' | 'postgres' | 'mongodb'

export type HubRole = 'all' | 'web' | 'worker'

export function projectRoot(): string {
  return process.env.HUB_ROOT ?? process.cwd()
}

export function dataDir(): string {
  return path.resolve(projectRoot(), process.env.HUB_DATA_DIR ?? 'data')
}

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL?.trim()
  if (url) return url
  return `file:${path.join(dataDir(), 'hub.db')}`
}

export function databaseKind(url = databaseUrl()): DatabaseKind {
  if (url.startsWith('file:')) return 'sqlite'
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return 'postgres'
  if (url.startsWith('mongodb://') || url.startsWith('mongodb+srv://')) return 'mongodb'
  throw new Error(
    `DATABASE_URL must start with file:, postgres://, postgresql:// or mongodb:// (got "${url.split(':')[0] ?? ''}:…")`,
  )
}

export function mediaDir(): string {
  return path.resolve(projectRoot(), process.env.MEDIA_DIR ?? path.join(dataDir(), 'media'))
}

export function brandAssetsDir(): string {
  return path.resolve(
    projectRoot(),
    process.env.BRAND_ASSETS_DIR ?? path.join(dataDir(), 'brand-assets'),
  )
}

export function port(): number {
  const raw = process.env.PORT ?? '3000'
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535 (got "${raw}")`)
  }
  return value
}

export function publicUrl(): string {
  return (process.env.PUBLIC_URL ?? `http://localhost:${port()}`).replace(/\/+$/, '')
}

/** Demo content is seeded by default only on the embedded database. */
export function demoEnabled(): boolean {
  const flag = process.env.HUB_DEMO
  if (flag === 'true' || flag === '1') return true
  if (flag === 'false' || flag === '0') return false
  return databaseKind() === 'sqlite'
}

export function uploadLimitBytes(): number {
  const raw = process.env.UPLOAD_LIMIT_MB ?? '25'
  const mb = Number(raw)
  if (!Number.isFinite(mb) || mb <= 0) {
    throw new Error(`UPLOAD_LIMIT_MB must be a positive number (got "${raw}")`)
  }
  return Math.round(mb * 1024 * 1024)
}

export function shutdownGraceMs(): number {
  return Number(process.env.SHUTDOWN_GRACE_MS ?? '10000')
}

/** `all`: serve and deliver; `web`: serve and enqueue only; `worker`: deliver and schedule only. */
export function hubRole(): HubRole {
  const role = process.env.HUB_ROLE ?? 'all'
  if (role === 'all' || role === 'web' || role === 'worker') return role
  throw new Error(`HUB_ROLE must be all, web or worker (got "${role}")`)
}

/** Channels served by the sandbox instead of their real adapter (comma list; demo default below). */
export function sandboxChannelsSetting(): string | undefined {
  return process.env.HUB_SANDBOX_CHANNELS
}

/**
 * The Facebook Page channel's settings, as read by `channels/facebook/facebookConfig.ts`, which
 * validates them and holds the defaults (`FACEBOOK_GRAPH_URL` https://graph.facebook.com,
 * `FACEBOOK_API_VERSION` v26.0, `FACEBOOK_PAGE_NAME` "Facebook-siden").
 */
export function facebookEnv(): Readonly<Record<string, string | undefined>> {
  return {
    FACEBOOK_PAGE_ID: process.env.FACEBOOK_PAGE_ID,
    FACEBOOK_PAGE_TOKEN: process.env.FACEBOOK_PAGE_TOKEN,
    FACEBOOK_GRAPH_URL: process.env.FACEBOOK_GRAPH_URL,
    FACEBOOK_API_VERSION: process.env.FACEBOOK_API_VERSION,
    FACEBOOK_PAGE_NAME: process.env.FACEBOOK_PAGE_NAME,
  }
}

/** Without a Page token the Facebook channel is not configured (the demo sandboxes it instead). */
export function facebookConfigured(): boolean {
  return Boolean(process.env.FACEBOOK_PAGE_TOKEN?.trim())
}

/**
 * The Slack channel's settings, as read by `channels/slack/slackConfig.ts`, which validates them
 * and holds the default (`SLACK_API_URL` https://slack.com/api/). `SLACK_ALERT_CHANNEL` is
 * optional: without it editor alerts are off.
 */
export function slackEnv(): Readonly<Record<string, string | undefined>> {
  return {
    SLACK_BOT_TOKEN: process.env.SLACK_BOT_TOKEN,
    SLACK_CHANNEL: process.env.SLACK_CHANNEL,
    SLACK_ALERT_CHANNEL: process.env.SLACK_ALERT_CHANNEL,
    SLACK_API_URL: process.env.SLACK_API_URL,
  }
}

/** Without a bot token the Slack channel is not configured (the demo sandboxes it instead). */
export function slackConfigured(): boolean {
  return Boolean(process.env.SLACK_BOT_TOKEN?.trim())
}

/** Whether webhook endpoints may be loopback or private addresses (the demo and tests). */
export function webhookAllowPrivate(): boolean {
  return process.env.WEBHOOK_ALLOW_PRIVATE === 'true'
}

/**
 * Test-only compression of the retry clock: every backoff step and every Retry-After is
 * multiplied by it, so a crash test sees 5 s / 5 min / 30 min as 10 ms / 0.6 s / 3.6 s at 0.002.
 * Leases and HTTP timeouts are real time and stay unscaled. Production leaves it at 1.
 */
export function retryScale(): number {
  const raw = process.env.HUB_RETRY_SCALE ?? '1'
  const scale = Number(raw)
  if (raw.trim() === '' || !Number.isFinite(scale) || scale <= 0 || scale > 1) {
    throw new Error(`HUB_RETRY_SCALE must be a number above 0 and at most 1 (got "${raw}")`)
  }
  return scale
}

/**
 * How long a worker's claim on a delivery holds. A worker that dies loses its rows when it
 * passes. Its attempts are cut off 5 s before it (after at least 1 s), so a short lease also
 * means short attempts.
 */
export function deliveryLeaseMs(): number {
  return wholeNumber('HUB_LEASE_MS', 60_000, 5_000, 3_600_000)
}

/** Deadline for one webhook request, the response body included. */
export function webhookTimeoutMs(): number {
  return wholeNumber('WEBHOOK_TIMEOUT_MS', 15_000, 100, 120_000)
}

function wholeNumber(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name]
  if (raw === undefined) return fallback
  const value = Number(raw)
  if (raw.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`)
  }
  return value
}
