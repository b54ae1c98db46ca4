import type { Payload } from 'payload'

import { channelLabel } from '../../collections/shared/fields/channelsField'
import { deadDeliveryAlertText, sendEditorAlert } from '../../channels/slack'
import type { DeadDelivery } from './attemptDelivery'

/**
 * Tells the editors that a delivery went dead: in the log always, and in the Slack alert channel
 * when SLACK_ALERT_CHANNEL is set. Editors see it in the Distribution panel too; the alert is
 * for those who are not looking.
 */
export async function alertEditors(payload: Payload, dead: DeadDelivery): Promise<void> {
  payload.logger.warn({ msg: 'Delivery dead', ...dead })
  await sendEditorAlert(
    deadDeliveryAlertText({
      itemTitle: dead.itemTitle,
      channel: channelLabel(dead.channel),
      error: dead.error,
    }),
  )
}
