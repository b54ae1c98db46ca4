/** What a seed run did; `printLoginHelp` turns it into the start-up message. */
export type SeedSummary = {
  adminEmail: string
  /** Set only when generated in this run, so it can be printed once. */
  adminPassword?: string
  adminPasswordSource: 'env' | 'generated' | 'existing'
  /** Per collection slug: how many documents this run created (all 0 on a second run). */
  created: Record<string, number>
  /** The demo screens' player addresses (a staff-room screen's with the key made in this run). */
  screens?: { name: string; url: string }[]
}
