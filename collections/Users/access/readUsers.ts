import type { Access } from 'payload'

import { isStaff, userOf } from '../../shared/roles'

/** Staff see colleagues (to pick spokespersons); an API client sees only itself. */
export const readUsers: Access = ({ req }) => {
  const user = userOf(req)
  if (!user) return false
  if (isStaff(req)) return true
  return { id: { equals: user.id } }
}

export const updateUsers: Access = ({ req }) => {
  const user = userOf(req)
  if (!user) return false
  if (user.role === 'admin') return true
  return { id: { equals: user.id } }
}
