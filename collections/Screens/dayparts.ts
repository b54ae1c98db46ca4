import type { TextFieldSingleValidation } from 'payload'

/** ISO weekdays (Monday 1 … Sunday 7), the numbers the player compares with. */
export const WEEKDAYS = [
  { value: '1', label: { nb: 'Mandag', en: 'Monday' } },
  { value: '2', label: { nb: 'Tirsdag', en: 'Tuesday' } },
  { value: '3', label: { nb: 'Onsdag', en: 'Wednesday' } },
  { value: '4', label: { nb: 'Torsdag', en: 'Thursday' } },
  { value: '5', label: { nb: 'Fredag', en: 'Friday' } },
  { value: '6', label: { nb: 'Lørdag', en: 'Saturday' } },
  { value: '7', label: { nb: 'Søndag', en: 'Sunday' } },
] as const

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/

/** `07:30`-style wall-clock times; `24:00` is allowed as the end of the day. */
export const validateClock: TextFieldSingleValidation = (value) =>
  typeof value === 'string' && (CLOCK.test(value) || value === '24:00')
    ? true
    : 'Skriv klokkeslettet som tt:mm, for eksempel 07:30.'
