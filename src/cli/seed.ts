/** `npm run seed`: migrate, then add whatever demo content is missing (idempotent). */
import '../boot/environment'

import { bootPayload } from '../boot/bootPayload'
import { publicUrl } from '../config/env'
import { closeDatabase } from '../db/closeDatabase'
import { printLoginHelp, type SeedSummary, seedDemo } from '../seed/seedDemo'

let summary: SeedSummary | undefined
const { payload } = await bootPayload(async (p) => {
  summary = await seedDemo(p)
})
if (summary) printLoginHelp(publicUrl(), summary)
await closeDatabase(payload)
process.exit(0)
