import type { GroupField } from 'payload'

const isPressRelease = (data: unknown): boolean =>
  (data as { type?: string } | undefined)?.type === 'press-release'

/** Press releases name who journalists should call; the strategy says we answer on short deadlines. */
export const pressContactField: GroupField = {
  name: 'contact',
  type: 'group',
  label: { nb: 'Kontaktperson for pressen', en: 'Press contact' },
  admin: { condition: (data) => isPressRelease(data) },
  fields: [
    {
      name: 'name',
      type: 'text',
      label: { nb: 'Navn', en: 'Name' },
      validate: (value: unknown, { data }: { data: unknown }) =>
        isPressRelease(data) && !(typeof value === 'string' && value.trim())
          ? 'En pressemelding må ha en kontaktperson.'
          : true,
    },
    { name: 'title', type: 'text', label: { nb: 'Stilling', en: 'Job title' } },
    { name: 'phone', type: 'text', label: { nb: 'Telefon', en: 'Phone' } },
    {
      name: 'email',
      type: 'email',
      label: { nb: 'E-post', en: 'Email' },
    },
  ],
}
