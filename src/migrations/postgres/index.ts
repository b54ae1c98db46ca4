import * as migration_20261126_151531_initial from './20261126_151531_initial';
import * as migration_20261126_161946_outbox from './20261126_161946_outbox';
import * as migration_20261126_162347_channel_endpoints from './20261126_162347_channel_endpoints';
import * as migration_20261126_230000_ledger_claim_indexes from './20261126_230000_ledger_claim_indexes';

export const migrations = [
  {
    up: migration_20261126_151531_initial.up,
    down: migration_20261126_151531_initial.down,
    name: '20261126_151531_initial',
  },
  {
    up: migration_20261126_161946_outbox.up,
    down: migration_20261126_161946_outbox.down,
    name: '20261126_161946_outbox',
  },
  {
    up: migration_20261126_162347_channel_endpoints.up,
    down: migration_20261126_162347_channel_endpoints.down,
    name: '20261126_162347_channel_endpoints',
  },
  {
    up: migration_20261126_230000_ledger_claim_indexes.up,
    down: migration_20261126_230000_ledger_claim_indexes.down,
    name: '20261126_230000_ledger_claim_indexes',
  },
];
