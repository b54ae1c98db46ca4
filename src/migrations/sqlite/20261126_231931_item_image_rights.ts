import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`news\` ADD \`image_withdrawn_at\` text;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_image_withdrawn_at\` text;`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`image_withdrawn_at\` text;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_image_withdrawn_at\` text;`)
  await db.run(sql`ALTER TABLE \`service_messages\` ADD \`image_withdrawn_at\` text;`)
  await db.run(sql`ALTER TABLE \`_service_messages_v\` ADD \`version_image_withdrawn_at\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`news\` DROP COLUMN \`image_withdrawn_at\`;`)
  await db.run(sql`ALTER TABLE \`_news_v\` DROP COLUMN \`version_image_withdrawn_at\`;`)
  await db.run(sql`ALTER TABLE \`events\` DROP COLUMN \`image_withdrawn_at\`;`)
  await db.run(sql`ALTER TABLE \`_events_v\` DROP COLUMN \`version_image_withdrawn_at\`;`)
  await db.run(sql`ALTER TABLE \`service_messages\` DROP COLUMN \`image_withdrawn_at\`;`)
  await db.run(sql`ALTER TABLE \`_service_messages_v\` DROP COLUMN \`version_image_withdrawn_at\`;`)
}
