import type { CollectionConfig } from 'payload'

const nobody = () => false

/**
 * What each pull channel's target (a feed, a playlist) carries: one row per item × target,
 * written by the channel's `deliver`/`retract` (src/public/pullEntries.ts) and read when its
 * snapshot is rebuilt. Hidden: the ledger is where editors see what entered or left a target.
 */
export const PullEntries: CollectionConfig = {
  slug: 'pull-entries',
  labels: {
    singular: { nb: 'Feedoppføring', en: 'Pull entry' },
    plural: { nb: 'Feedoppføringer', en: 'Pull entries' },
  },
  admin: { hidden: true },
  graphQL: false,
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  indexes: [
    { fields: ['channel', 'target', 'itemUid'], unique: true },
    { fields: ['channel', 'target', 'removed', 'sortAt'] },
    { fields: ['channel', 'target', 'updatedAt'] },
  ],
  fields: [
    { name: 'channel', type: 'text', required: true },
    { name: 'target', type: 'text', required: true },
    { name: 'itemUid', type: 'text', required: true },
    /** Newest first: the publication time (or an event's start). */
    { name: 'sortAt', type: 'date', required: true },
    /** The revision the entry carries; a new one raises `sequence`. */
    { name: 'revision', type: 'number', required: true },
    /** Raised on every change (iCalendar SEQUENCE). */
    { name: 'sequence', type: 'number', required: true, defaultValue: 0 },
    /** Retracted but kept, marked cancelled, until `endsAt` (events). */
    { name: 'cancelled', type: 'checkbox', required: true, defaultValue: false },
    /** Retracted: kept as a row so the target's generation moves on, never rendered. */
    { name: 'removed', type: 'checkbox', required: true, defaultValue: false },
    { name: 'endsAt', type: 'date' },
    /** Left out of every rebuild from then on, even before the ledger's retraction lands. */
    { name: 'expiresAt', type: 'date' },
    /** The channel's rendered message for the item (the adapter's `render` output). */
    { name: 'entry', type: 'json', required: true },
  ],
}
