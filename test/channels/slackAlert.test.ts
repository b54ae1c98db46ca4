import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { deadDeliveryAlertText, healthAlertText, sendEditorAlert } from '../../channels/slack'
import { startSlackApi, type SlackApi } from '../fakes/slack-api'

describe('slack editor alerts', () => {
  let fake: SlackApi

  beforeEach(async () => {
    fake = await startSlackApi()
  })

  afterEach(async () => {
    await fake.close()
  })

  it('should word a dead delivery in bokmål with the title, the channel and the error', () => {
    const text = deadDeliveryAlertText({
      itemTitle: 'Vannet stenges i Geithus',
      channel: 'Facebook-siden',
      error: 'Facebook: token expired',
    })
    expect(text).toBe(
      'Leveransen av «Vannet stenges i Geithus» til Facebook-siden feilet for godt: Facebook: token expired',
    )
  })

  it('should word a failed health check in bokmål', () => {
    expect(healthAlertText({ channel: 'Slack', detail: 'Kanalen #nyheter er arkivert.' })).toBe(
      'Kanalen Slack feilet helsesjekken: Kanalen #nyheter er arkivert.',
    )
  })

  it('should post the alert to the alert channel, not the news channel', async () => {
    const text = deadDeliveryAlertText({ itemTitle: 'Brannøvelse', channel: 'Slack', error: 'x' })
    const sent = await sendEditorAlert(text, { config: fake.config() })
    expect(sent).toEqual({ channel: 'C0VARSLER1', ts: expect.any(String) as string })
    expect(fake.history('C0VARSLER1').map((m) => m.text)).toEqual([text])
    expect(fake.history('C0NYHETER1')).toEqual([])
  })

  it('should escape what Slack would read as a link or mention', async () => {
    await sendEditorAlert('Feil: <!channel> & <https://x.test|klikk>', { config: fake.config() })
    expect(fake.history('C0VARSLER1')[0]?.text).toBe(
      'Feil: &lt;!channel&gt; &amp; &lt;https://x.test|klikk&gt;',
    )
  })

  it('should send nothing when no alert channel is set', async () => {
    const sent = await sendEditorAlert('Hei', { config: fake.config({ SLACK_ALERT_CHANNEL: '' }) })
    expect(sent).toBeNull()
    expect(fake.requestCount()).toBe(0)
  })

  it('should fail permanently when Slack refuses the token', async () => {
    fake.setMode('token-revoked')
    await expect(sendEditorAlert('Hei', { config: fake.config() })).rejects.toMatchObject({
      code: 'slack-token_revoked',
    })
  })
})
