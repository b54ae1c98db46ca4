import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

/**
 * Hand-written: Payload cannot declare partial indexes. The claim reads only open rows, in
 * (next_attempt_at, id) order, and checks each against earlier open rows of the same item ×
 * channel × target; without these it scans and sorts the whole ledger on every claim.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX IF NOT EXISTS \`deliveries_open_due_idx\` ON \`deliveries\` (\`next_attempt_at\`, \`id\`)
    WHERE \`status\` IN ('pending', 'retrying', 'in_flight');`)
  await db.run(sql`CREATE INDEX IF NOT EXISTS \`deliveries_open_key_idx\` ON \`deliveries\` (\`item_uid\`, \`channel\`, \`target\`, \`id\`)
    WHERE \`status\` IN ('pending', 'retrying', 'in_flight');`)
  await db.run(sql`CREATE INDEX IF NOT EXISTS \`deliveries_key_idx\` ON \`deliveries\` (\`item_uid\`, \`channel\`, \`target\`, \`id\`);`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX IF EXISTS \`deliveries_open_due_idx\`;`)
  await db.run(sql`DROP INDEX IF EXISTS \`deliveries_open_key_idx\`;`)
  await db.run(sql`DROP INDEX IF EXISTS \`deliveries_key_idx\`;`)
}
