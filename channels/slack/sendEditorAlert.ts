import { now as hubNow } from '../../src/clock'
import { slackEnv } from '../../src/config/env'
import type { ChannelConfig } from '../contract'
import { DEFAULT_TIMEOUT_MS } from '../http'
import { escapeMrkdwn, fitText, LIMITS, oneLine } from './blockText'
import { slackCaller } from './slackClient'
import { slackSettings } from './slackConfig'

export type EditorAlertOptions = {
  /** Where SLACK_BOT_TOKEN and SLACK_ALERT_CHANNEL come from. Default: the process environment. */
  config?: ChannelConfig
  signal?: AbortSignal
  /** Default 15 s. */
  timeoutMs?: number
  now?: () => Date
}

/** Where an alert landed. */
export type SentAlert = { channel: string; ts: string }

/**
 * Posts `text` to SLACK_ALERT_CHANNEL for editors. Resolves null without calling Slack when
 * alerts are not set up (no token or no alert channel); otherwise rejects with our error kinds
 * like a delivery would. An alert is a side note: callers (the outbox when a delivery goes dead,
 * a health check) should catch and log, never let a failed alert fail their own work.
 */
export async function sendEditorAlert(
  text: string,
  options: EditorAlertOptions = {},
): Promise<SentAlert | null> {
  const settings = slackSettings(options.config ?? slackEnv())
  if (!settings.token || !settings.alertChannel) return null
  const call = slackCaller({
    token: settings.token,
    apiUrl: settings.apiUrl,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    now: options.now ?? hubNow,
  })
  const result = await call(
    'chat.postMessage',
    {
      channel: settings.alertChannel,
      text: escapeMrkdwn(fitText(text, LIMITS.fallbackText)),
      unfurl_links: false,
      unfurl_media: false,
    },
    options.signal,
  )
  return {
    channel: typeof result.channel === 'string' ? result.channel : settings.alertChannel,
    ts: typeof result.ts === 'string' ? result.ts : '',
  }
}

/**
 * "Leveransen av «Brann i Vikersund» til Facebook-siden feilet for godt: …". `channel` is the
 * name editors know (the item's channel label), `error` the ledger's last error.
 */
export function deadDeliveryAlertText(dead: {
  itemTitle: string
  channel: string
  error: string
}): string {
  const title = oneLine(dead.itemTitle) || 'uten tittel'
  return `Leveransen av «${title}» til ${dead.channel} feilet for godt: ${oneLine(dead.error)}`
}

/** "Kanalen Slack feilet helsesjekken: Slack godtok ikke bot-tokenet (invalid_auth)." */
export function healthAlertText(check: { channel: string; detail: string }): string {
  return `Kanalen ${check.channel} feilet helsesjekken: ${oneLine(check.detail)}`
}
