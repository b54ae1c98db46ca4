import type { Health } from '../contract'
import { classifyError } from '../errors'
import type { GraphClient } from './graphClient'
import type { UsageGate } from './usage'

/** Usage from which health warns, ahead of the proactive pause at 95 %. */
const WARN_AT_PERCENT = 80

/**
 * Token and Page access, checked without posting and without `debug_token` (which needs the
 * app secret): `GET /me` with the Page token must answer as the configured Page (a user or
 * another Page's token answers as someone else), and `GET /{page-id}/published_posts` must be
 * readable, because `find` reads it before any re-post. Whether the token may publish cannot be
 * seen this way; the first post shows that (`facebook-permission`).
 */
export async function facebookHealth(
  client: GraphClient,
  pageId: string,
  gate: UsageGate,
  now: Date,
  signal: AbortSignal,
): Promise<Health> {
  const wait = gate.remainingSeconds(now)
  if (wait > 0) {
    return {
      status: 'degraded',
      detail: `Facebook har bedt oss vente. Nye innlegg går ut om ${minutes(wait)}.`,
    }
  }
  try {
    const me = await client.send('GET', 'me', { fields: 'id,name' }, signal)
    if (!me.ok) return fromFailure(me.failure)
    const name = typeof me.data.name === 'string' ? me.data.name : ''
    if (me.data.id !== pageId) {
      return {
        status: 'down',
        detail: `Tokenet hører ikke til Facebook-siden ${pageId}${name ? ` (det gjelder «${name}»)` : ''}. Bruk sidens eget tilgangstoken.`,
      }
    }
    const posts = await client.send(
      'GET',
      `${pageId}/published_posts`,
      { fields: 'id', limit: 1 },
      signal,
    )
    if (!posts.ok) {
      const failure = classifyError(posts.failure)
      if (failure.code === 'facebook-token') return fromFailure(posts.failure)
      return {
        status: 'degraded',
        detail: `Tokenet kan ikke lese sidens innlegg (${failure.code}). Da kan ikke huben se etter et innlegg før den prøver på nytt, og slike leveranser stopper i stedet.`,
      }
    }
    const percent = gate.lastPercent()
    if (percent !== null && percent >= WARN_AT_PERCENT) {
      return {
        status: 'degraded',
        detail: `Facebook-kvoten er ${Math.round(percent)} % brukt. Ved 95 % venter huben til den er nede igjen.`,
      }
    }
    return { status: 'ok', detail: `Tilkoblet «${name || pageId}».` }
  } catch (err) {
    return fromFailure(err)
  }
}

function fromFailure(err: unknown): Health {
  const failure = classifyError(err)
  if (failure.code === 'facebook-token') {
    return {
      status: 'down',
      detail:
        'Facebook avviser tokenet (utløpt eller trukket tilbake). Lag et nytt sidetoken og sett FACEBOOK_PAGE_TOKEN.',
    }
  }
  if (failure.kind === 'rate-limited') {
    return {
      status: 'degraded',
      detail: `Facebook har bedt oss vente${failure.retryAfterSeconds ? ` i ${minutes(failure.retryAfterSeconds)}` : ''}.`,
    }
  }
  if (failure.code === 'facebook-permission') {
    return { status: 'down', detail: `Tokenet mangler tilgang til siden: ${failure.message}` }
  }
  return { status: 'down', detail: `Facebook svarer ikke som ventet: ${failure.message}` }
}

function minutes(seconds: number): string {
  const m = Math.ceil(seconds / 60)
  return m === 1 ? '1 minutt' : `${m} minutter`
}
