import {
  addDataAndFileToRequest,
  type Endpoint,
  Forbidden,
  NotFound,
  type PayloadRequest,
  UnauthorizedError,
  ValidationError,
} from 'payload'

import { sealSecret } from '../../../channels/website/secretBox'
import {
  generateWebhookSecret,
  webhookSecretProblem,
} from '../../../channels/website/webhookSecret'
import { now } from '../../../src/clock'
import { isOrganisationWide } from '../../shared/roles'

/** How long the replaced secret keeps signing, so receivers can switch without losing messages. */
export const PREVIOUS_SECRET_GRACE_MS = 24 * 60 * 60 * 1000

const SLUG = 'channel-endpoints'

/**
 * `POST /api/channel-endpoints/:id/rotate-secret`, body optional `{ "secret": "whsec_…" }`:
 * makes (or takes) a new secret, keeps the current one as the previous secret for 24 hours and
 * answers `{ id, secret, previousSecretExpiresAt }`, the only time the new secret is shown.
 * Rotating again within the 24 hours drops the older previous secret at once: only one old
 * secret is ever kept.
 */
export const rotateSecretEndpoint: Endpoint = {
  path: '/:id/rotate-secret',
  method: 'post',
  handler: rotateSecret,
}

async function rotateSecret(req: PayloadRequest): Promise<Response> {
  if (!req.user) throw new UnauthorizedError(req.t)
  if (!isOrganisationWide(req)) throw new Forbidden(req.t)
  const raw = req.routeParams?.id
  const id = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : ''
  const secret = await requestedSecret(req)

  const current = await req.payload
    .findByID({ collection: SLUG, id, depth: 0, showHiddenFields: true, req })
    .catch(() => null)
  if (!current) throw new NotFound(req.t)

  const expiresAt = new Date(now().getTime() + PREVIOUS_SECRET_GRACE_MS)
  await req.payload.update({
    collection: SLUG,
    id,
    data: {
      secretCiphertext: sealSecret(secret, req.payload.config.secret),
      previousSecretCiphertext: current.secretCiphertext ?? null,
      previousSecretExpiresAt: expiresAt.toISOString(),
    },
    depth: 0,
    req,
  })
  return Response.json({
    id: current.id,
    secret,
    previousSecretExpiresAt: expiresAt.toISOString(),
  })
}

/** The caller's own secret from the body, checked, or a generated one. */
async function requestedSecret(req: PayloadRequest): Promise<string> {
  await addDataAndFileToRequest(req)
  const given = (req.data as { secret?: unknown } | undefined)?.secret
  if (given === undefined || given === null || given === '') return generateWebhookSecret()
  const problem = webhookSecretProblem(given)
  if (problem) {
    throw new ValidationError({ collection: SLUG, errors: [{ path: 'secret', message: problem }] })
  }
  return given as string
}
