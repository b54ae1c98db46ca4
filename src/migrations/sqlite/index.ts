import * as migration_20261126_151526_initial from './20261126_151526_initial';

export const migrations = [
  {
    up: migration_20261126_151526_initial.up,
    down: migration_20261126_151526_initial.down,
    name: '20261126_151526_initial',
  },
];
