'use client'

import type { DefaultCellComponentProps } from 'payload'

import { useChannelLabels } from './useChannelLabels'

/** The list's channel column in words (Nettsiden), not the ledger's key (website). */
export function ChannelCell({ cellData }: DefaultCellComponentProps) {
  const { labelOf } = useChannelLabels()
  return <span>{typeof cellData === 'string' ? labelOf(cellData) : ''}</span>
}
