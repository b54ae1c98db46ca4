import type { FieldAccess } from 'payload'

/**
 * For fields only the hub itself writes (hooks, the rotate endpoint, `disableEndpoint`) and, for
 * secrets, never reads back over the API. Field access is checked before the collection's
 * hooks run, so a hook can still set these; what a caller sends for them is dropped.
 */
export const nobody: FieldAccess = () => false

/**
 * For the write-only `secret` input: visible in the admin's create form (no document yet), so
 * an administrator can paste a receiver's secret, and hidden for every stored endpoint.
 * Payload checks field read access with the document when it filters data, so a stored
 * endpoint never shows it; it is a virtual field besides, with nothing stored behind it.
 */
export const onlyWhileCreating: FieldAccess = ({ id, doc }) =>
  id === undefined && (doc as { id?: unknown } | undefined)?.id === undefined
