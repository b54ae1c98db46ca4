'use client'

import { getTranslation } from '@payloadcms/translations'
import { Button, ReactSelect, useListQuery, useTranslation } from '@payloadcms/ui'
import type { CSSProperties } from 'react'

import type { DeliveryStatus } from '../../../src/outbox/deliveryStates'
import { DELIVERY_STATUS_LABELS } from '../statusLabels'
import { equalsValue, withEquals } from './listWhere'
import { useChannelLabels } from './useChannelLabels'

/** The statuses an editor looks for: what needs a hand, what is still trying, what went out. */
const QUICK_STATUSES: readonly DeliveryStatus[] = ['dead', 'retrying', 'in_flight', 'delivered']

const row: CSSProperties = {
  display: 'flex',
  flexWrap: 'wrap',
  gap: '0.5rem',
  alignItems: 'center',
  margin: 0,
  padding: 0,
  listStyle: 'none',
}

/**
 * Quick filters above the Deliveries list: one status at a time, one channel, and a note when the
 * list shows one item's deliveries (the Distribution panel links here). They change the same
 * `where` as the Filters panel, through Payload's list query, so both always agree and the URL
 * (`where[or][0][and][…]`) can be bookmarked or shared.
 */
export function DeliveriesFilterBar() {
  const { query, data, handleWhereChange } = useListQuery()
  const { i18n } = useTranslation()
  const { options: channelOptions, labelOf } = useChannelLabels()

  const where = query.where
  const status = equalsValue(where, 'status')
  const channel = equalsValue(where, 'channel')
  const itemUid = equalsValue(where, 'itemUid')
  const apply = (field: string, value?: string) =>
    void handleWhereChange?.(withEquals(where, field, value))

  const firstDoc = data?.docs?.[0] as { itemTitle?: unknown } | undefined
  const itemTitle = typeof firstDoc?.itemTitle === 'string' ? firstDoc.itemTitle : undefined
  const selectedChannel = channel ? { value: channel, label: labelOf(channel) } : undefined

  return (
    <section
      aria-label="Hurtigfiltre"
      style={{ display: 'grid', gap: '0.75rem', marginBottom: '1rem' }}
    >
      <div style={{ ...row, gap: '1.5rem' }}>
        <ul style={row} aria-label="Status">
          <li>
            <Button
              buttonStyle={status === undefined ? 'primary' : 'pill'}
              size="small"
              margin={false}
              extraButtonProps={{ 'aria-pressed': status === undefined }}
              onClick={() => apply('status')}
            >
              Alle statuser
            </Button>
          </li>
          {QUICK_STATUSES.map((value) => (
            <li key={value}>
              <Button
                buttonStyle={status === value ? 'primary' : 'pill'}
                size="small"
                margin={false}
                extraButtonProps={{ 'aria-pressed': status === value }}
                onClick={() => apply('status', status === value ? undefined : value)}
              >
                {getTranslation(DELIVERY_STATUS_LABELS[value], i18n)}
              </Button>
            </li>
          ))}
        </ul>
        <div style={{ ...row, minWidth: '16rem' }}>
          <label htmlFor="deliveries-channel-filter">Kanal</label>
          <div style={{ flex: '1 1 12rem' }}>
            <ReactSelect
              inputId="deliveries-channel-filter"
              isClearable
              placeholder="Alle kanaler"
              options={channelOptions}
              value={selectedChannel}
              onChange={(option) => {
                const picked = Array.isArray(option) ? option[0] : option
                apply('channel', typeof picked?.value === 'string' ? picked.value : undefined)
              }}
            />
          </div>
        </div>
      </div>
      {itemUid && (
        <p style={{ ...row, margin: 0 }}>
          <span>
            Viser leveransene for én sak
            {itemTitle ? (
              <>
                : <strong>{itemTitle}</strong>
              </>
            ) : null}
            .
          </span>
          <Button buttonStyle="subtle" size="small" margin={false} onClick={() => apply('itemUid')}>
            Vis alle saker
          </Button>
        </p>
      )}
    </section>
  )
}
