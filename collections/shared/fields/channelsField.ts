import type { SelectField } from 'payload'

export const CHANNELS = ['website', 'facebook', 'portal', 'slack', 'feeds', 'signage'] as const
export type ChannelName = (typeof CHANNELS)[number]

/** Channels that only ever carry public items. */
export const PUBLIC_ONLY_CHANNELS: readonly ChannelName[] = ['facebook']

const LABELS: Record<ChannelName, { nb: string; en: string }> = {
  website: { nb: 'Nettsiden', en: 'Website' },
  facebook: { nb: 'Facebook-siden', en: 'Facebook Page' },
  portal: { nb: 'Ansattportalen', en: 'Employee portal' },
  slack: { nb: 'Slack', en: 'Slack' },
  feeds: { nb: 'Feeder (RSS, JSON, kalender)', en: 'Feeds (RSS, JSON, calendar)' },
  signage: { nb: 'Infoskjermer', en: 'Digital signage' },
}

/** The channel's name as editors know it ("Facebook-siden"), or the raw name for others. */
export function channelLabel(channel: string): string {
  return (LABELS as Record<string, { nb: string } | undefined>)[channel]?.nb ?? channel
}

export function channelsField(defaults: ChannelName[]): SelectField {
  return {
    name: 'channels',
    type: 'select',
    hasMany: true,
    label: { nb: 'Kanaler', en: 'Channels' },
    defaultValue: defaults,
    options: CHANNELS.map((value) => ({ value, label: LABELS[value] })),
    admin: {
      description: {
        nb: 'Hvor saken skal publiseres. Skriv én gang – huben leverer til alle valgte kanaler.',
        en: 'Where the item goes. Write once; the hub delivers to every chosen channel.',
      },
    },
    validate: (value, { siblingData }) => {
      const audience = (siblingData as { audience?: string }).audience
      const chosen = value ?? []
      const unknown = chosen.filter((c) => !(CHANNELS as readonly string[]).includes(c))
      if (unknown.length > 0) return `Ukjent kanal: ${unknown.join(', ')}.`
      if (audience === 'internal') {
        const publicOnly = chosen.filter((c) =>
          (PUBLIC_ONLY_CHANNELS as readonly string[]).includes(c),
        )
        if (publicOnly.length > 0) {
          return `Interne saker kan ikke publiseres på ${publicOnly.map((c) => LABELS[c as ChannelName].nb).join(', ')}.`
        }
      }
      return true
    },
  }
}
