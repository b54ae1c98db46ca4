import type { ChannelConfig } from '../contract'
import { baseUrlProblem, clipSetting, settingText } from '../settingValues'

/** The real Graph API host. Tests point `FACEBOOK_GRAPH_URL` at the fake instead. */
export const DEFAULT_GRAPH_URL = 'https://graph.facebook.com'

/**
 * The newest Graph API version when this adapter was written (introduced 29 July 2026, see
 * https://developers.facebook.com/docs/graph-api/changelog). Meta keeps each version for at
 * least two years, so the newest one lasts longest before `FACEBOOK_API_VERSION` must move.
 */
export const DEFAULT_API_VERSION = 'v26.0'

export const DEFAULT_PAGE_NAME = 'Facebook-siden'

export type FacebookSettings = {
  pageId: string
  pageToken: string
  /** Without a trailing slash. */
  graphUrl: string
  apiVersion: string
  pageName: string
}

const VERSION = /^v\d{1,3}\.\d{1,2}$/
const PAGE_ID = /^\d{1,30}$/

/**
 * The Facebook settings in `config` (normally the process environment), with defaults. Lenient:
 * a bad value is passed through and reported by `facebookConfigProblems`, since building the
 * adapter must not throw before boot has collected every channel's problems.
 */
export function facebookSettings(config: ChannelConfig): FacebookSettings {
  return {
    pageId: settingText(config.FACEBOOK_PAGE_ID) ?? '',
    pageToken: settingText(config.FACEBOOK_PAGE_TOKEN) ?? '',
    graphUrl: (settingText(config.FACEBOOK_GRAPH_URL) ?? DEFAULT_GRAPH_URL).replace(/\/+$/, ''),
    apiVersion: settingText(config.FACEBOOK_API_VERSION) ?? DEFAULT_API_VERSION,
    pageName: settingText(config.FACEBOOK_PAGE_NAME) ?? DEFAULT_PAGE_NAME,
  }
}

/** Every problem with the Facebook settings at once, each naming its variable. No I/O. */
export function facebookConfigProblems(config: ChannelConfig): string[] {
  const problems: string[] = []
  const pageId = settingText(config.FACEBOOK_PAGE_ID)
  if (pageId === undefined) problems.push('FACEBOOK_PAGE_ID is missing')
  else if (!PAGE_ID.test(pageId)) {
    problems.push(`FACEBOOK_PAGE_ID must be the Page's numeric id (got "${clipSetting(pageId)}")`)
  }

  const token = settingText(config.FACEBOOK_PAGE_TOKEN)
  if (token === undefined) problems.push('FACEBOOK_PAGE_TOKEN is missing')
  else if (/\s/.test(token)) {
    // Never quote a token, not even a broken one: the problem list is logged at boot.
    problems.push('FACEBOOK_PAGE_TOKEN contains whitespace; paste the Page access token alone')
  }

  const graphUrl = settingText(config.FACEBOOK_GRAPH_URL)
  if (graphUrl !== undefined) {
    const problem = baseUrlProblem(graphUrl)
    if (problem) problems.push(`FACEBOOK_GRAPH_URL ${problem}`)
  }

  const version = settingText(config.FACEBOOK_API_VERSION)
  if (version !== undefined && !VERSION.test(version)) {
    problems.push(
      `FACEBOOK_API_VERSION must look like ${DEFAULT_API_VERSION} (got "${clipSetting(version)}")`,
    )
  }
  return problems
}
