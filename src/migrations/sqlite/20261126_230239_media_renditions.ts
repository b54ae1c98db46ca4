import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`media\` ADD \`renditions\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`rendition_key\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`rendered_with\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`original_file\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`rights_withdrawn_at\` text;`)
  await db.run(sql`CREATE INDEX \`media_rights_expire_at_idx\` ON \`media\` (\`rights_expire_at\`);`)
  await db.run(sql`CREATE INDEX \`media_rendition_key_idx\` ON \`media\` (\`rendition_key\`);`)
  await db.run(sql`CREATE INDEX \`media_rendered_with_idx\` ON \`media\` (\`rendered_with\`);`)
  await db.run(sql`CREATE INDEX \`media_original_file_idx\` ON \`media\` (\`original_file\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`media_rights_expire_at_idx\`;`)
  await db.run(sql`DROP INDEX \`media_rendition_key_idx\`;`)
  await db.run(sql`DROP INDEX \`media_rendered_with_idx\`;`)
  await db.run(sql`DROP INDEX \`media_original_file_idx\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`renditions\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`rendition_key\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`rendered_with\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`original_file\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`rights_withdrawn_at\`;`)
}
