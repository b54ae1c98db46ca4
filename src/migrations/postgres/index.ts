import * as migration_20261126_151531_initial from './20261126_151531_initial';
import * as migration_20261126_161946_outbox from './20261126_161946_outbox';
import * as migration_20261126_162347_channel_endpoints from './20261126_162347_channel_endpoints';
import * as migration_20261126_230000_ledger_claim_indexes from './20261126_230000_ledger_claim_indexes';
import * as migration_20261126_230259_media_renditions from './20261126_230259_media_renditions';
import * as migration_20261126_232001_item_image_rights from './20261126_232001_item_image_rights';
import * as migration_20261127_023214_pull_entries_route_snapshots from './20261127_023214_pull_entries_route_snapshots';
import * as migration_20261127_023728_portal_endpoints from './20261127_023728_portal_endpoints';
import * as migration_20261127_024628_channel_checks from './20261127_024628_channel_checks';
import * as migration_20261127_031541_ledger_lean_indexes from './20261127_031541_ledger_lean_indexes';
import * as migration_20261127_033453_screens_signage from './20261127_033453_screens_signage';
import * as migration_20261127_045013_endpoint_channel_optional from './20261127_045013_endpoint_channel_optional';
import * as migration_20261127_120000_ledger_snapshot_key from './20261127_120000_ledger_snapshot_key';

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
  {
    up: migration_20261126_230259_media_renditions.up,
    down: migration_20261126_230259_media_renditions.down,
    name: '20261126_230259_media_renditions',
  },
  {
    up: migration_20261126_232001_item_image_rights.up,
    down: migration_20261126_232001_item_image_rights.down,
    name: '20261126_232001_item_image_rights',
  },
  {
    up: migration_20261127_023214_pull_entries_route_snapshots.up,
    down: migration_20261127_023214_pull_entries_route_snapshots.down,
    name: '20261127_023214_pull_entries_route_snapshots',
  },
  {
    up: migration_20261127_023728_portal_endpoints.up,
    down: migration_20261127_023728_portal_endpoints.down,
    name: '20261127_023728_portal_endpoints',
  },
  {
    up: migration_20261127_024628_channel_checks.up,
    down: migration_20261127_024628_channel_checks.down,
    name: '20261127_024628_channel_checks',
  },
  {
    up: migration_20261127_031541_ledger_lean_indexes.up,
    down: migration_20261127_031541_ledger_lean_indexes.down,
    name: '20261127_031541_ledger_lean_indexes',
  },
  {
    up: migration_20261127_033453_screens_signage.up,
    down: migration_20261127_033453_screens_signage.down,
    name: '20261127_033453_screens_signage',
  },
  {
    up: migration_20261127_045013_endpoint_channel_optional.up,
    down: migration_20261127_045013_endpoint_channel_optional.down,
    name: '20261127_045013_endpoint_channel_optional'
  },
  {
    up: migration_20261127_120000_ledger_snapshot_key.up,
    down: migration_20261127_120000_ledger_snapshot_key.down,
    name: '20261127_120000_ledger_snapshot_key',
  },
];
