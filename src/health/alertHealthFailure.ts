import type { Payload } from 'payload'

import { channelLabel } from '../../collections/shared/fields/channelsField'
import type { ChannelConfig } from '../../channels/contract'
import { healthAlertText, sendEditorAlert } from '../../channels/slack'

/**
 * Tells the editors that a channel started failing its health check: in the log always, and in
 * the Slack alert channel when SLACK_ALERT_CHANNEL is set (which cannot work when Slack itself
 * refuses the token: the log is the fallback). Never throws: an alert is a side note.
 */
export async function alertHealthFailure(
  payload: Payload,
  failing: { channel: string; detail: string },
  /** SLACK_* settings for the alert. Default: the process environment. */
  config?: ChannelConfig,
): Promise<void> {
  payload.logger.warn({ msg: 'Channel health check failing', ...failing })
  try {
    await sendEditorAlert(
      healthAlertText({ channel: channelLabel(failing.channel), detail: failing.detail }),
      { config },
    )
  } catch (err) {
    payload.logger.warn({ err, msg: 'Editor alert for a failing channel not sent' })
  }
}
