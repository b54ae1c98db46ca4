import type { Access } from 'payload'

import { isStaff, userOf } from '../roles'
import { editableDepartmentIds, includesId } from './editableDepartmentIds'

/**
 * Leaders and editors write only in their own departments; admin and communications everywhere.
 * Without `data` Payload is asking whether to offer the action at all, so staff get a yes and
 * the real request is checked when it arrives.
 */
export const createItems: Access = async ({ req, data }) => {
  if (!isStaff(req)) return false
  const ids = await editableDepartmentIds(req)
  if (ids === null || data === undefined) return true
  return includesId(ids, (data as { department?: unknown }).department)
}

export const updateItems: Access = async ({ req, data }) => {
  if (!isStaff(req) || !userOf(req)) return false
  const ids = await editableDepartmentIds(req)
  if (ids === null) return true
  const moving = (data as { department?: unknown } | undefined)?.department
  if (moving !== undefined && moving !== null && !includesId(ids, moving)) return false
  return { department: { in: ids } }
}

export const deleteItems: Access = async ({ req }) => {
  if (!isStaff(req)) return false
  const ids = await editableDepartmentIds(req)
  if (ids === null) return true
  return { department: { in: ids } }
}
