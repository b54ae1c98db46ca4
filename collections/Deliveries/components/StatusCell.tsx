'use client'

import { getTranslation } from '@payloadcms/translations'
import { Pill, useTranslation } from '@payloadcms/ui'
import type { DefaultCellComponentProps } from 'payload'

import { DELIVERY_STATUS_LABELS, DELIVERY_STATUS_PILL, isDeliveryStatus } from '../statusLabels'

/** The list's status column as a coloured badge, so a dead delivery stands out in the list. */
export function StatusCell({ cellData }: DefaultCellComponentProps) {
  const { i18n } = useTranslation()
  if (!isDeliveryStatus(cellData))
    return <span>{typeof cellData === 'string' ? cellData : ''}</span>
  return (
    <Pill pillStyle={DELIVERY_STATUS_PILL[cellData]} size="small">
      {getTranslation(DELIVERY_STATUS_LABELS[cellData], i18n)}
    </Pill>
  )
}
