import { describe, expect, it } from 'vitest'

import {
  type DeliveryRow,
  latestPerTarget,
  safeHref,
} from '../../../collections/Deliveries/components/deliveryRows'
import { facebookReceipt } from '../../../channels/facebook/receipt'
import { archiveUrl } from '../../../channels/slack'

const POST_ID = '104857600000001_100000000000001'
const facebookUrl = facebookReceipt(
  POST_ID,
  { pageId: '104857600000001', kind: 'link', itemUrl: 'https://modum.kommune.no/news/x' },
  { acknowledgedAt: new Date('2026-12-01T09:00:00Z') },
).externalUrl
const slackUrl = archiveUrl({ channel: 'C0NYHETER1', ts: '1796115600.000001' })

let nextId = 0
function row(fields: Partial<DeliveryRow> & Pick<DeliveryRow, 'channel' | 'status'>): DeliveryRow {
  nextId += 1
  return { id: nextId, target: fields.channel, action: 'publish', ...fields }
}

/** The panel's link cell for each channel, as `latestPerTarget` hands it the rows. */
function links(rows: DeliveryRow[]): Record<string, string | undefined> {
  const newestFirst = [...rows].sort((a, b) => b.id - a.id)
  return Object.fromEntries(
    latestPerTarget(newestFirst).map((r) => [r.channel, safeHref(r.copyUrl)]),
  )
}

describe('the Distribution panel rows', () => {
  it('should link the Facebook post and the Slack message their receipts name', () => {
    expect(
      links([
        row({ channel: 'facebook', status: 'delivered', externalUrl: facebookUrl }),
        row({ channel: 'slack', status: 'delivered', externalUrl: slackUrl }),
      ]),
    ).toEqual({
      facebook: `https://www.facebook.com/${POST_ID}`,
      slack: 'https://slack.com/archives/C0NYHETER1/p1796115600000001',
    })
  })

  it('should keep linking the copy that is out while its update waits or has failed', () => {
    const rows = [
      row({ channel: 'facebook', status: 'delivered', externalUrl: facebookUrl }),
      row({ channel: 'slack', status: 'delivered', externalUrl: slackUrl }),
      row({ channel: 'facebook', action: 'update', status: 'retrying', externalUrl: null }),
      row({ channel: 'slack', action: 'update', status: 'dead', externalUrl: null }),
    ]
    const latest = latestPerTarget([...rows].reverse())
    expect(latest.map((r) => [r.channel, r.status])).toEqual([
      ['facebook', 'retrying'],
      ['slack', 'dead'],
    ])
    expect(links(rows)).toEqual({
      facebook: `https://www.facebook.com/${POST_ID}`,
      slack: 'https://slack.com/archives/C0NYHETER1/p1796115600000001',
    })
  })

  it('should link the edited copy after an update', () => {
    const edited = 'https://www.facebook.com/104857600000001/posts/100000000000001'
    expect(
      links([
        row({ channel: 'facebook', status: 'delivered', externalUrl: facebookUrl }),
        row({ channel: 'facebook', action: 'update', status: 'delivered', externalUrl: edited }),
      ]),
    ).toEqual({ facebook: edited })
  })

  it('should not link a copy once its retraction was delivered', () => {
    expect(
      links([
        row({ channel: 'facebook', status: 'delivered', externalUrl: facebookUrl }),
        // The retraction's receipt still names the deleted post.
        row({
          channel: 'facebook',
          action: 'retract',
          status: 'delivered',
          externalUrl: facebookUrl,
        }),
        row({ channel: 'slack', status: 'delivered', externalUrl: slackUrl }),
        row({ channel: 'slack', action: 'retract', status: 'pending' }),
      ]),
    ).toEqual({
      facebook: undefined,
      slack: 'https://slack.com/archives/C0NYHETER1/p1796115600000001',
    })
  })

  it('should not link a copy that never went out', () => {
    expect(
      links([
        row({ channel: 'slack', status: 'cancelled' }),
        row({ channel: 'facebook', status: 'dead', externalUrl: 'javascript:alert(1)' }),
      ]),
    ).toEqual({ facebook: undefined, slack: undefined })
  })
})
