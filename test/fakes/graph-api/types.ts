import type { ScriptedAnswer } from '../../channels/conformanceFake'

/**
 * How the fake misbehaves. Each applies to the requests it would hit on the real Graph API:
 * - `createdThen500`: writes (create, edit, delete) take effect, then answer 500 with code 2;
 * - `throttle`: every call answers a throttling error (code 80001 by default) with usage headers;
 * - `expiredToken`: every call answers 190/463 (the session has expired);
 * - `missingPermission`: writes answer 403 with code 200;
 * - `duplicate`: creates answer 506 (duplicate status message) and post nothing;
 * - `timeout`: every call is held open and never answered.
 */
export type GraphFakeMode =
  | 'normal'
  | 'createdThen500'
  | 'throttle'
  | 'expiredToken'
  | 'missingPermission'
  | 'duplicate'
  | 'timeout'

export type ThrottleSettings = {
  /** 4 (app), 17 (user), 32 (Page, platform), 613, 80001 (Page, business use case). */
  code?: number
  /** `estimated_time_to_regain_access`, minutes. Default 5; 0 leaves it out. */
  regainMinutes?: number
  /** HTTP status of the throttling answer. Default 400, as the Graph API sends. */
  status?: number
}

export type GraphApiSettings = {
  mode?: GraphFakeMode
  /** Chance that an eligible request gets the mode (seeded PRNG). Default 1. */
  modeRate?: number
  /** Apply the mode at most this many times, then behave normally. Default: no limit. */
  modeTimes?: number
  /**
   * Apply the mode at most this many times per object (the URL a create posts about, the post
   * an edit or delete acts on), so a long random run cannot fail one delivery until it runs out
   * of attempts. Default: no limit.
   */
  maxModePerObject?: number
  seed?: number
  throttle?: ThrottleSettings
  /** Usage percent reported in the usage headers of every successful answer. Default: none. */
  usagePercent?: number
}

export type GraphApiOptions = GraphApiSettings & {
  pageId?: string
  pageName?: string
  /** The Page access token the fake accepts. */
  token?: string
  /** The clock for `created_time`. Default: the system clock. */
  now?: () => Date
  port?: number
}

/** A Graph error body's fields, as https://developers.facebook.com/docs/graph-api/guides/error-handling lists them. */
export type GraphErrorSpec = {
  message: string
  type?: string
  code: number
  error_subcode?: number
  is_transient?: boolean
  error_user_title?: string
  error_user_msg?: string
}

/**
 * One scripted answer, consumed first in, first out by the next authenticated requests: the
 * conformance suite's plain statuses (translated, see README), a normal answer, one application
 * of a mode, or an exact Graph error (after doing the work first, with `applyFirst`).
 */
export type GraphScripted =
  | ScriptedAnswer
  /** Answer this one request normally (to script the one after it). */
  | { pass: true }
  | { mode: Exclude<GraphFakeMode, 'normal'> }
  | {
      error: GraphErrorSpec
      status?: number
      headers?: Record<string, string>
      applyFirst?: boolean
    }

export type FakePost = {
  /** `<page-id>_<n>`, as the Graph API names Page posts. */
  id: string
  kind: 'link' | 'photo'
  message: string
  link?: string
  photo?: { id: string; url: string; alt?: string }
  createdTime: Date
  /** Every message the post had, the first included. */
  messages: string[]
  deletedAt?: Date
}

export type GraphOperation = {
  kind: 'create' | 'update' | 'delete'
  postId: string
  /** The URLs the post is about: its link, else every URL in its message. */
  urls: string[]
  /** Whether the caller was told (false for created-then-500). */
  answeredOk: boolean
}

export type GraphRequestRecord = {
  seq: number
  method: string
  /** The path without the version prefix, e.g. `/123/feed`. */
  path: string
  version: string | null
  params: Record<string, string>
  authenticated: boolean
  /** HTTP status answered, or null while (or if) it was never answered. */
  status: number | null
  /** The Graph error code answered, if any. */
  errorCode?: number
  receivedAt: Date
  /** The caller's port: which process sent it (see /proc/net/tcp), for the crash test. */
  remotePort?: number
}
