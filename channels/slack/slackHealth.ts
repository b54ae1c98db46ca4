import type { Health } from '../contract'
import { classifyError } from '../errors'
import type { SlackCall } from './slackClient'
import type { SlackSettings } from './slackConfig'

/**
 * Whether the bot can post, checked without posting: auth.test (the token), then
 * conversations.info for the news channel (exists, not archived, bot is a member) and, when set,
 * the alert channel. Details are bokmål: editors see them on the operations page.
 *
 * - down: the token is refused, the news channel is gone or archived, the bot is not a member
 *   of it (it could not read the history `find` needs, nor post to a private channel), or Slack
 *   does not answer;
 * - degraded: Slack asks us to slow down, or the alert channel cannot be used.
 */
export async function slackHealth(
  call: SlackCall,
  settings: Pick<SlackSettings, 'channel' | 'alertChannel'>,
  signal: AbortSignal,
): Promise<Health> {
  let identity: string
  try {
    const auth = await call('auth.test', {}, signal)
    identity = `${str(auth.user) ?? 'boten'} i ${str(auth.team) ?? 'arbeidsområdet'}`
  } catch (err) {
    return failed(err, 'Slack godtok ikke bot-tokenet')
  }

  let channelName: string
  try {
    const info = await call('conversations.info', { channel: settings.channel }, signal)
    const channel = (info.channel ?? {}) as Record<string, unknown>
    channelName = `#${str(channel.name) ?? settings.channel}`
    if (channel.is_archived === true) {
      return { status: 'down', detail: `Kanalen ${channelName} er arkivert.` }
    }
    if (channel.is_member === false) {
      return {
        status: 'down',
        detail: `Boten er ikke medlem av ${channelName}; legg den til med /invite i kanalen.`,
      }
    }
  } catch (err) {
    return failed(err, `Kanalen ${settings.channel} kan ikke brukes`)
  }

  if (settings.alertChannel) {
    try {
      await call('conversations.info', { channel: settings.alertChannel }, signal)
    } catch (err) {
      const { code } = classifyError(err)
      return {
        status: 'degraded',
        detail: `Varslingskanalen ${settings.alertChannel} kan ikke brukes (${slackCode(code)}); redaksjonsvarsler kommer ikke fram.`,
      }
    }
  }
  return { status: 'ok', detail: `Koblet til som ${identity}; publiserer i ${channelName}.` }
}

function failed(err: unknown, what: string): Health {
  const failure = classifyError(err)
  const code = slackCode(failure.code)
  if (failure.kind === 'rate-limited') {
    return { status: 'degraded', detail: `Slack ber oss vente (${code}).` }
  }
  if (failure.kind === 'transient') {
    return { status: 'down', detail: `Slack svarer ikke (${code}).` }
  }
  return { status: 'down', detail: `${what} (${code}).` }
}

/** `slack-invalid_auth` → `invalid_auth`: the code as Slack's docs and admins know it. */
function slackCode(code: string): string {
  return code.startsWith('slack-') ? code.slice('slack-'.length) : code
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}
