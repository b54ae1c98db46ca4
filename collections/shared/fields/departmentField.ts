import type { RelationshipField } from 'payload'

import { editableDepartmentIds } from '../access/editableDepartmentIds'

/** The owning department: decides who may edit the item. Must exist and be one of the editor's. */
export const departmentField: RelationshipField = {
  name: 'department',
  type: 'relationship',
  relationTo: 'departments',
  required: true,
  label: { nb: 'Avdeling', en: 'Department' },
  admin: { position: 'sidebar' },
  filterOptions: async ({ req }) => {
    const ids = await editableDepartmentIds(req)
    return ids === null ? true : { id: { in: ids } }
  },
  validate: async (value, { req, event }) => {
    if (value === null || value === undefined || value === '') return 'Velg en avdeling.'
    if (event === 'onChange') return true
    const found = await req.payload.find({
      collection: 'departments',
      where: { id: { equals: value } },
      depth: 0,
      limit: 1,
      pagination: false,
      overrideAccess: true,
      req,
    })
    return found.docs.length > 0 ? true : `Avdelingen «${JSON.stringify(value)}» finnes ikke.`
  },
}
