import { ValidationError } from 'payload'

/**
 * A refused upload: HTTP 400 naming the `file` field, with the reason in Norwegian as the
 * field's message. Thrown before anything is written, so nothing is left behind.
 */
export function uploadRefused(reason: string): ValidationError {
  return new ValidationError({ errors: [{ message: reason, path: 'file' }] })
}
