import { describe, expect, it } from 'vitest'

import { channelStatusLines } from '../../../collections/Deliveries/components/channelStatusView'
import type { ChannelHealthRow } from '../../../src/health/channelHealthReport'

const row = (fields: Partial<ChannelHealthRow> & Pick<ChannelHealthRow, 'channel' | 'state'>) => ({
  label: fields.channel,
  detail: '',
  checkedAt: null,
  since: null,
  ...fields,
})

describe('the Kanalstatus panel lines', () => {
  it('should put failing channels first, then those that need attention, keeping the order otherwise', () => {
    const lines = channelStatusLines([
      row({ channel: 'website', state: 'no-check' }),
      row({ channel: 'facebook', state: 'ok' }),
      row({ channel: 'portal', state: 'degraded' }),
      row({ channel: 'slack', state: 'down' }),
      row({ channel: 'feeds', state: 'not-configured' }),
    ])
    expect(lines.map((l) => [l.channel, l.state])).toEqual([
      ['slack', 'Feiler'],
      ['portal', 'Virker, men trenger tilsyn'],
      ['facebook', 'Virker'],
      ['website', 'Ingen felles sjekk'],
      ['feeds', 'Ikke satt opp'],
    ])
  })

  it('should say since when a channel has been failing, in Oslo time', () => {
    const [line] = channelStatusLines([
      row({
        channel: 'facebook',
        state: 'down',
        checkedAt: '2026-12-01T11:15:00.000Z',
        since: '2026-12-01T09:00:00.000Z',
      }),
    ])
    expect(line).toMatchObject({
      since: 'Feiler siden 01.12.2026 10:00',
      checkedAt: '01.12.2026 12:15',
    })
  })
})
