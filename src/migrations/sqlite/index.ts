import * as migration_20261126_151526_initial from './20261126_151526_initial';
import * as migration_20261126_161506_outbox from './20261126_161506_outbox';

export const migrations = [
  {
    up: migration_20261126_151526_initial.up,
    down: migration_20261126_151526_initial.down,
    name: '20261126_151526_initial',
  },
  {
    up: migration_20261126_161506_outbox.up,
    down: migration_20261126_161506_outbox.down,
    name: '20261126_161506_outbox'
  },
];
