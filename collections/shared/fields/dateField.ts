import type { DateField } from 'payload'

type Label = { nb: string; en: string }

type DateExtra = Partial<Omit<DateField, 'name' | 'type' | 'timezone'>> & {
  /** Off for internal timestamps (the ledger) that no person picks. */
  timezone?: boolean
}

/** A point in time: stored in UTC, shown and picked in Europe/Oslo. */
export function dateTimeField(name: string, label: Label, extra: DateExtra = {}): DateField {
  const { timezone = true, ...rest } = extra
  return {
    name,
    type: 'date',
    label,
    ...(timezone ? { timezone: true } : {}),
    ...rest,
    admin: {
      date: {
        pickerAppearance: 'dayAndTime',
        displayFormat: 'dd.MM.yyyy HH:mm',
        timeFormat: 'HH:mm',
      },
      ...rest.admin,
    },
  }
}

export function isBefore(a: unknown, b: unknown): boolean {
  if (!a || !b) return false
  const ta = new Date(a as string).getTime()
  const tb = new Date(b as string).getTime()
  return Number.isFinite(ta) && Number.isFinite(tb) && ta < tb
}
