import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`deliveries_item_collection_idx\`;`)
  await db.run(sql`DROP INDEX \`deliveries_item_id_idx\`;`)
  await db.run(sql`DROP INDEX \`deliveries_item_uid_idx\`;`)
  await db.run(sql`DROP INDEX \`deliveries_channel_idx\`;`)
  await db.run(sql`DROP INDEX \`deliveries_status_idx\`;`)
  await db.run(sql`DROP INDEX \`deliveries_next_attempt_at_idx\`;`)
  await db.run(sql`DROP INDEX \`deliveries_created_at_idx\`;`)
  await db.run(sql`DROP INDEX \`delivery_attempts_updated_at_idx\`;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`deliveries_item_collection_idx\` ON \`deliveries\` (\`item_collection\`);`)
  await db.run(sql`CREATE INDEX \`deliveries_item_id_idx\` ON \`deliveries\` (\`item_id\`);`)
  await db.run(sql`CREATE INDEX \`deliveries_item_uid_idx\` ON \`deliveries\` (\`item_uid\`);`)
  await db.run(sql`CREATE INDEX \`deliveries_channel_idx\` ON \`deliveries\` (\`channel\`);`)
  await db.run(sql`CREATE INDEX \`deliveries_status_idx\` ON \`deliveries\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`deliveries_next_attempt_at_idx\` ON \`deliveries\` (\`next_attempt_at\`);`)
  await db.run(sql`CREATE INDEX \`deliveries_created_at_idx\` ON \`deliveries\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`delivery_attempts_updated_at_idx\` ON \`delivery_attempts\` (\`updated_at\`);`)
}
