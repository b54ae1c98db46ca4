import type { CollectionConfig } from 'payload'

import { adminOnly, anyone } from './shared/access/staffOnly'
import { slugField } from './shared/fields/slugField'

/** The organisation: etater, and the virksomheter under them. */
export const Departments: CollectionConfig = {
  slug: 'departments',
  graphQL: { singularName: 'Department', pluralName: 'Departments' },
  labels: {
    singular: { nb: 'Avdeling', en: 'Department' },
    plural: { nb: 'Avdelinger', en: 'Departments' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'kind', 'parent'],
    group: { nb: 'Organisasjon', en: 'Organisation' },
  },
  access: { read: anyone, create: adminOnly, update: adminOnly, delete: adminOnly },
  fields: [
    { name: 'name', type: 'text', required: true, label: { nb: 'Navn', en: 'Name' } },
    slugField('departments', 'name'),
    {
      name: 'kind',
      type: 'select',
      required: true,
      defaultValue: 'etat',
      label: { nb: 'Nivå', en: 'Level' },
      options: [
        { value: 'etat', label: { nb: 'Etat', en: 'Division' } },
        { value: 'virksomhet', label: { nb: 'Virksomhet', en: 'Unit' } },
      ],
    },
    {
      name: 'parent',
      type: 'relationship',
      relationTo: 'departments',
      label: { nb: 'Hører til etat', en: 'Parent division' },
      filterOptions: { kind: { equals: 'etat' } },
      admin: { condition: (_, siblingData) => siblingData?.kind === 'virksomhet' },
      validate: (value: unknown, { siblingData }: { siblingData: unknown }) => {
        const kind = (siblingData as { kind?: string }).kind
        if (kind === 'virksomhet' && !value) return 'En virksomhet må høre til en etat.'
        if (kind === 'etat' && value) return 'En etat kan ikke høre til en annen etat.'
        return true
      },
    },
  ],
}
