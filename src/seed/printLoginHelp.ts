import type { SeedSummary } from './SeedSummary'

/** "12 news, 5 events, …" for what this run created, or a note that nothing was missing. */
function describeCreated(created: Record<string, number>): string {
  const parts = Object.entries(created)
    .filter(([, count]) => count > 0)
    .map(([slug, count]) => `${count} ${slug}`)
  return parts.length > 0
    ? `Demo content created: ${parts.join(', ')}.`
    : 'Demo content: already in place, nothing created.'
}

function describePassword(summary: SeedSummary): string {
  switch (summary.adminPasswordSource) {
    case 'generated':
      return `Password: ${summary.adminPassword ?? '(missing)'}   (generated now and shown only this once: write it down)`
    case 'env':
      return 'Password: the value of HUB_DEMO_PASSWORD'
    case 'existing':
      return 'Password: use the password printed at first start, or set HUB_DEMO_PASSWORD and start again to reset it'
  }
}

/** The start-up message that tells a first-time user where to log in and with what. */
export function printLoginHelp(url: string, summary: SeedSummary): void {
  const staffCreated =
    (summary.created.users ?? 0) > 1 && summary.adminPasswordSource !== 'existing'
  const lines = [
    '',
    `Admin:    ${url.replace(/\/+$/, '')}/admin`,
    `Email:    ${summary.adminEmail}`,
    describePassword(summary),
    ...(staffCreated
      ? [
          'Demo staff (kommunikasjon@, etatsleder.oppvekst@, redaktor.kultur@, redaktor.teknisk@example.com) use the same password.',
        ]
      : []),
    describeCreated(summary.created),
    ...(summary.screens?.length
      ? ['Info screens (the staff room key is shown only this once):']
      : []),
    ...(summary.screens ?? []).map((s) => `  ${s.name}: ${s.url}`),
    '',
  ]
  console.log(lines.join('\n'))
}
