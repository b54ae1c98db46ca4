import type { Access } from 'payload'

import { isAdmin, isOrganisationWide, isStaff } from '../roles'

export const staffOnly: Access = ({ req }) => isStaff(req)
export const organisationWideOnly: Access = ({ req }) => isOrganisationWide(req)
export const adminOnly: Access = ({ req }) => isAdmin(req)
export const anyone: Access = () => true
