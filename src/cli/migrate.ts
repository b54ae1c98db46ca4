/** `npm run migrate`: apply pending migrations (under the start-up lock) and exit. */
import '../boot/environment'

import { bootPayload } from '../boot/bootPayload'
import { closeDatabase } from '../db/closeDatabase'

const { payload, migrated } = await bootPayload()
payload.logger.info(
  migrated.length ? `Applied: ${migrated.join(', ')}` : 'Database schema is current.',
)
await closeDatabase(payload)
process.exit(0)
