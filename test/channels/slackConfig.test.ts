import { describe, expect, it } from 'vitest'

import { slackAdapter, slackConfigProblems } from '../../channels/slack'
import { sampleItem } from './fixtures'

const valid = {
  SLACK_BOT_TOKEN: 'xoxb-1000000001-2000000002-AbCdEfGhIjKlMnOpQrStUvWx',
  SLACK_CHANNEL: 'C0NYHETER1',
  SLACK_ALERT_CHANNEL: 'C0VARSLER1',
}

describe('slack configuration', () => {
  it('should accept a bot token, a news channel id and an alert channel id', () => {
    expect(slackConfigProblems(valid)).toEqual([])
  })

  it('should report every problem at once, each naming its variable', () => {
    const problems = slackConfigProblems({
      SLACK_BOT_TOKEN: 'xoxp-123-456-789-abcdef',
      SLACK_CHANNEL: '#nyheter',
      SLACK_ALERT_CHANNEL: 'redaksjonen',
      SLACK_API_URL: 'not a url',
    })
    expect(problems).toHaveLength(4)
    expect(problems[0]).toMatch(/^SLACK_BOT_TOKEN .*xoxb-.*user token/)
    expect(problems[1]).toMatch(/^SLACK_CHANNEL must be a conversation id .*not its name/)
    expect(problems[2]).toMatch(/^SLACK_ALERT_CHANNEL must be a conversation id/)
    expect(problems[3]).toMatch(/^SLACK_API_URL is not a valid URL/)
  })

  it('should report a missing token and channel', () => {
    expect(slackConfigProblems({})).toEqual([
      'SLACK_BOT_TOKEN is missing',
      'SLACK_CHANNEL is missing',
    ])
  })

  it('should never quote the token in a problem', () => {
    const token = 'xoxa-secret-value-123456'
    expect(slackConfigProblems({ ...valid, SLACK_BOT_TOKEN: token }).join(' ')).not.toContain(token)
  })

  it('should leave the alert channel optional', () => {
    expect(slackConfigProblems({ ...valid, SLACK_ALERT_CHANNEL: '' })).toEqual([])
  })

  it('should offer the news channel as its one staff-only target', async () => {
    expect(await slackAdapter({ config: valid }).targets()).toEqual([
      { id: 'C0NYHETER1', name: 'Slack – interne nyheter', public: false },
    ])
  })

  it('should accept internal items, since only staff read Slack', async () => {
    const adapter = slackAdapter({ config: valid })
    const [target] = await adapter.targets()
    expect(adapter.accepts(sampleItem({ audience: 'internal' }), target!)).toBe(true)
  })

  it('should say in bokmål why it refuses a target it does not know', () => {
    const adapter = slackAdapter({ config: valid })
    expect(adapter.accepts(sampleItem(), { id: 'C0ANNEN001', public: false })).toBe(
      'Ukjent Slack-kanal',
    )
  })
})
