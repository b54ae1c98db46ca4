import type { CollectionConfig, FieldAccess } from 'payload'

import { adminOnly } from '../shared/access/staffOnly'
import { API_SCOPES, isAdmin, isStaff, ROLES, type Role } from '../shared/roles'
import { readUsers, updateUsers } from './access/readUsers'

const adminField: FieldAccess = ({ req }) => isAdmin(req)

const ROLE_LABELS: Record<Role, { nb: string; en: string }> = {
  admin: { nb: 'Administrator', en: 'Administrator' },
  communications: { nb: 'Kommunikasjon', en: 'Communications' },
  leader: { nb: 'Leder', en: 'Leader' },
  editor: { nb: 'Redaktør', en: 'Editor' },
  'api-client': { nb: 'API-klient (app)', en: 'API client (app)' },
}

export const Users: CollectionConfig = {
  slug: 'users',
  graphQL: { singularName: 'User', pluralName: 'Users' },
  labels: {
    singular: { nb: 'Bruker', en: 'User' },
    plural: { nb: 'Brukere', en: 'Users' },
  },
  auth: {
    useAPIKey: true,
    maxLoginAttempts: 10,
    lockTime: 10 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'role', 'departments'],
    group: { nb: 'Organisasjon', en: 'Organisation' },
  },
  access: {
    // API clients use their key against the API; the admin is for staff.
    admin: ({ req }) => isStaff(req),
    read: readUsers,
    create: adminOnly,
    update: updateUsers,
    delete: adminOnly,
  },
  fields: [
    { name: 'name', type: 'text', required: true, label: { nb: 'Navn', en: 'Name' } },
    { name: 'jobTitle', type: 'text', label: { nb: 'Stilling', en: 'Job title' } },
    {
      name: 'role',
      type: 'select',
      required: true,
      defaultValue: 'editor',
      label: { nb: 'Rolle', en: 'Role' },
      options: ROLES.map((value) => ({ value, label: ROLE_LABELS[value] })),
      access: { create: adminField, update: adminField },
      saveToJWT: true,
    },
    {
      name: 'departments',
      type: 'relationship',
      relationTo: 'departments',
      hasMany: true,
      label: { nb: 'Avdelinger', en: 'Departments' },
      access: { create: adminField, update: adminField },
      saveToJWT: true,
      admin: {
        description: {
          nb: 'Ledere og redaktører publiserer for disse avdelingene (og virksomhetene under en etat).',
          en: 'Leaders and editors publish for these departments.',
        },
      },
    },
    {
      name: 'scopes',
      type: 'select',
      hasMany: true,
      label: { nb: 'API-tilganger', en: 'API scopes' },
      options: API_SCOPES.map((value) => ({
        value,
        label: { nb: 'Interne saker', en: 'Internal items' },
      })),
      access: { create: adminField, update: adminField },
      admin: { condition: (data) => (data as { role?: string }).role === 'api-client' },
    },
  ],
}
