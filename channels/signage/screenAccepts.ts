import type { ChannelItem } from '../contract'
import type { ScreenDefinition } from './types'

const TYPE_NAMES: Record<ChannelItem['collection'], string> = {
  news: 'nyheter',
  events: 'arrangementer',
  'service-messages': 'driftsmeldinger',
}

/**
 * Whether the screen's rules let the item on: `true`, or the reason in bokmål for the ledger.
 * Service messages concern everyone in an area, so they pass the department and category
 * rules (a screen can still leave them out by item type). Pure.
 */
export function screenAccepts(item: ChannelItem, screen: ScreenDefinition): true | string {
  if (item.audience === 'internal' && screen.public) {
    return 'Intern sak – skjermen kan ses av publikum'
  }
  if (screen.itemTypes.length > 0 && !screen.itemTypes.includes(item.collection)) {
    return `Skjermen viser ikke ${TYPE_NAMES[item.collection]}`
  }
  if (item.collection === 'service-messages') return true
  if (screen.departments.length > 0) {
    const own = [item.department?.slug, item.department?.etat?.slug].filter(Boolean)
    if (!screen.departments.some((d) => own.includes(d.slug))) {
      return `Skjermen viser bare saker fra ${names(screen.departments)}`
    }
  }
  if (screen.categories.length > 0) {
    const category = item.category?.slug
    if (!category || !screen.categories.some((c) => c.slug === category)) {
      return `Skjermen viser bare kategoriene ${names(screen.categories)}`
    }
  }
  return true
}

function names(list: readonly { name: string }[]): string {
  const all = list.map((x) => x.name)
  return all.length <= 1 ? (all[0] ?? '') : `${all.slice(0, -1).join(', ')} og ${all.at(-1)}`
}
