import type { ChannelConfig } from '../contract'
import { baseUrlProblem, clipSetting, settingText } from '../settingValues'

/** Slack's Web API. Tests point `SLACK_API_URL` at the fake instead. */
export const DEFAULT_SLACK_API_URL = 'https://slack.com/api/'

export type SlackSettings = {
  /** The bot token (`xoxb-…`); empty when not configured. */
  token: string
  /** Conversation id of the internal news channel. */
  channel: string
  /** Conversation id for editor alerts; empty means alerts are off. */
  alertChannel: string
  /** Always ends with a slash, as the WebClient joins method names onto it. */
  apiUrl: string
}

/**
 * Conversation ids: C… (public channel), G… (private channel, older workspaces) or D… (DM),
 * then upper-case letters and digits. Names (`#nyheter`) are refused because
 * conversations.history and conversations.info take only ids, and the target id must not change
 * when someone renames the channel.
 */
const CONVERSATION_ID = /^[CGD][A-Z0-9]{6,}$/

/**
 * The Slack settings in `config` (normally the process environment). Lenient: a bad value is
 * passed through and reported by `slackConfigProblems`, since building the adapter must not
 * throw before boot has collected every channel's problems.
 */
export function slackSettings(config: ChannelConfig): SlackSettings {
  const apiUrl = settingText(config.SLACK_API_URL) ?? DEFAULT_SLACK_API_URL
  return {
    token: settingText(config.SLACK_BOT_TOKEN) ?? '',
    channel: settingText(config.SLACK_CHANNEL) ?? '',
    alertChannel: settingText(config.SLACK_ALERT_CHANNEL) ?? '',
    apiUrl: apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`,
  }
}

/** Every problem with the Slack settings at once, each naming its variable. No I/O. */
export function slackConfigProblems(config: ChannelConfig): string[] {
  const problems: string[] = []
  const token = settingText(config.SLACK_BOT_TOKEN)
  // Never quote a token, not even a broken one: the problem list is logged at boot.
  if (token === undefined) problems.push('SLACK_BOT_TOKEN is missing')
  else if (/\s/.test(token)) {
    problems.push('SLACK_BOT_TOKEN contains whitespace; paste the bot token alone')
  } else if (!token.startsWith('xoxb-')) {
    const kind = token.startsWith('xoxp-') ? ' (this is a user token, xoxp-…)' : ''
    problems.push(
      `SLACK_BOT_TOKEN must be the app's bot token, starting with xoxb-${kind}; find it under OAuth & Permissions`,
    )
  } else if (!/^xoxb-[A-Za-z0-9-]{10,}$/.test(token)) {
    problems.push('SLACK_BOT_TOKEN is not a complete bot token (xoxb- followed by its parts)')
  }

  const channel = settingText(config.SLACK_CHANNEL)
  if (channel === undefined) problems.push('SLACK_CHANNEL is missing')
  else {
    const problem = conversationProblem(channel)
    if (problem) problems.push(`SLACK_CHANNEL ${problem}`)
  }

  const alertChannel = settingText(config.SLACK_ALERT_CHANNEL)
  if (alertChannel !== undefined) {
    const problem = conversationProblem(alertChannel)
    if (problem) problems.push(`SLACK_ALERT_CHANNEL ${problem}`)
  }

  const apiUrl = settingText(config.SLACK_API_URL)
  if (apiUrl !== undefined) {
    const problem = baseUrlProblem(apiUrl)
    if (problem) problems.push(`SLACK_API_URL ${problem}`)
  }
  return problems
}

function conversationProblem(value: string): string | null {
  if (CONVERSATION_ID.test(value)) return null
  const hint = value.startsWith('#') ? ', not its name' : ''
  return `must be a conversation id such as C0123ABCD${hint} (got "${clipSetting(value)}"); it is shown at the bottom of the channel's details in Slack`
}
