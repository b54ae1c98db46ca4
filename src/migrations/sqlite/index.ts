import * as migration_20261126_151526_initial from './20261126_151526_initial';
import * as migration_20261126_161942_outbox from './20261126_161942_outbox';
import * as migration_20261126_162153_channel_endpoints from './20261126_162153_channel_endpoints';
import * as migration_20261126_230000_ledger_claim_indexes from './20261126_230000_ledger_claim_indexes';
import * as migration_20261126_230239_media_renditions from './20261126_230239_media_renditions';
import * as migration_20261126_231931_item_image_rights from './20261126_231931_item_image_rights';
import * as migration_20261127_023145_pull_entries_route_snapshots from './20261127_023145_pull_entries_route_snapshots';
import * as migration_20261127_023657_portal_endpoints from './20261127_023657_portal_endpoints';
import * as migration_20261127_024534_channel_checks from './20261127_024534_channel_checks';
import * as migration_20261127_031508_ledger_lean_indexes from './20261127_031508_ledger_lean_indexes';
import * as migration_20261127_033413_screens_signage from './20261127_033413_screens_signage';
import * as migration_20261127_044922_endpoint_channel_optional from './20261127_044922_endpoint_channel_optional';

export const migrations = [
  {
    up: migration_20261126_151526_initial.up,
    down: migration_20261126_151526_initial.down,
    name: '20261126_151526_initial',
  },
  {
    up: migration_20261126_161942_outbox.up,
    down: migration_20261126_161942_outbox.down,
    name: '20261126_161942_outbox',
  },
  {
    up: migration_20261126_162153_channel_endpoints.up,
    down: migration_20261126_162153_channel_endpoints.down,
    name: '20261126_162153_channel_endpoints',
  },
  {
    up: migration_20261126_230000_ledger_claim_indexes.up,
    down: migration_20261126_230000_ledger_claim_indexes.down,
    name: '20261126_230000_ledger_claim_indexes',
  },
  {
    up: migration_20261126_230239_media_renditions.up,
    down: migration_20261126_230239_media_renditions.down,
    name: '20261126_230239_media_renditions',
  },
  {
    up: migration_20261126_231931_item_image_rights.up,
    down: migration_20261126_231931_item_image_rights.down,
    name: '20261126_231931_item_image_rights',
  },
  {
    up: migration_20261127_023145_pull_entries_route_snapshots.up,
    down: migration_20261127_023145_pull_entries_route_snapshots.down,
    name: '20261127_023145_pull_entries_route_snapshots',
  },
  {
    up: migration_20261127_023657_portal_endpoints.up,
    down: migration_20261127_023657_portal_endpoints.down,
    name: '20261127_023657_portal_endpoints',
  },
  {
    up: migration_20261127_024534_channel_checks.up,
    down: migration_20261127_024534_channel_checks.down,
    name: '20261127_024534_channel_checks',
  },
  {
    up: migration_20261127_031508_ledger_lean_indexes.up,
    down: migration_20261127_031508_ledger_lean_indexes.down,
    name: '20261127_031508_ledger_lean_indexes',
  },
  {
    up: migration_20261127_033413_screens_signage.up,
    down: migration_20261127_033413_screens_signage.down,
    name: '20261127_033413_screens_signage',
  },
  {
    up: migration_20261127_044922_endpoint_channel_optional.up,
    down: migration_20261127_044922_endpoint_channel_optional.down,
    name: '20261127_044922_endpoint_channel_optional'
  },
];
