import type { DateField } from 'payload'

type Label = { nb: string; en: string }

/** A point in time: stored in UTC, shown and picked in Europe/Oslo. */
export function dateTimeField(
  name: string,
  label: Label,
  extra: Partial<Omit<DateField, 'name' | 'type'>> = {},
): DateField {
  return {
    name,
    type: 'date',
    label,
    timezone: true,
    ...extra,
    admin: {
      date: {
        pickerAppearance: 'dayAndTime',
        displayFormat: 'dd.MM.yyyy HH:mm',
        timeFormat: 'HH:mm',
      },
      ...extra.admin,
    },
  }
}

export function isBefore(a: unknown, b: unknown): boolean {
  if (!a || !b) return false
  const ta = new Date(a as string).getTime()
  const tb = new Date(b as string).getTime()
  return Number.isFinite(ta) && Number.isFinite(tb) && ta < tb
}
