/**
 * The rate-limit headers (https://developers.facebook.com/docs/graph-api/overview/rate-limiting):
 * `X-App-Usage` with percentages of the app's limit, and `X-Business-Use-Case-Usage`, keyed by
 * the business object (the Page), with `estimated_time_to_regain_access` in minutes. Page access
 * tokens count against the business use case limit, type `pages`.
 */
export function usageHeaders(
  pageId: string,
  percent: number,
  regainMinutes = 0,
): Record<string, string> {
  const app = {
    call_count: percent,
    total_cputime: Math.floor(percent / 2),
    total_time: Math.floor(percent / 2),
  }
  const page = {
    type: 'pages',
    ...app,
    estimated_time_to_regain_access: regainMinutes,
  }
  return {
    'X-App-Usage': JSON.stringify(app),
    'X-Business-Use-Case-Usage': JSON.stringify({ [pageId]: [page] }),
  }
}

/** What a throttled call carries: usage over the limit and the time until access returns. */
export function throttleHeaders(pageId: string, regainMinutes: number): Record<string, string> {
  return usageHeaders(pageId, 100, regainMinutes)
}
