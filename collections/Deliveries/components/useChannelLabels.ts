'use client'

import { getTranslation } from '@payloadcms/translations'
import { useConfig, useTranslation } from '@payloadcms/ui'
import { useMemo } from 'react'

export type ChannelOption = { value: string; label: string }

/**
 * The channels' names as editors know them (Nettsiden, Facebook-siden …), read from the item
 * collections' `channels` field in the client config, so the ledger's list says what the item
 * form says without a second copy of the labels.
 */
export function useChannelLabels(): {
  options: ChannelOption[]
  labelOf: (channel: string) => string
} {
  const { getEntityConfig } = useConfig()
  const { i18n } = useTranslation()
  return useMemo(() => {
    const fields = getEntityConfig({ collectionSlug: 'news' })?.fields ?? []
    const channels = fields.find((field) => 'name' in field && field.name === 'channels')
    const raw = channels && 'options' in channels ? channels.options : []
    const options = raw.map((option) => {
      if (typeof option === 'string') return { value: option, label: option }
      const label: unknown = getTranslation(option.label, i18n)
      return { value: option.value, label: typeof label === 'string' ? label : option.value }
    })
    const byValue = new Map(options.map((option) => [option.value, option.label]))
    return { options, labelOf: (channel: string) => byValue.get(channel) ?? channel }
  }, [getEntityConfig, i18n])
}
