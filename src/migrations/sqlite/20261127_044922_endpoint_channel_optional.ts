import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_channel_endpoints\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`url\` text NOT NULL,
  	\`channel\` text DEFAULT 'website',
  	\`enabled\` integer DEFAULT true,
  	\`disabled_reason\` text,
  	\`disabled_at\` text,
  	\`secret_ciphertext\` text,
  	\`previous_secret_ciphertext\` text,
  	\`previous_secret_expires_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new_channel_endpoints\`("id", "name", "url", "channel", "enabled", "disabled_reason", "disabled_at", "secret_ciphertext", "previous_secret_ciphertext", "previous_secret_expires_at", "updated_at", "created_at") SELECT "id", "name", "url", "channel", "enabled", "disabled_reason", "disabled_at", "secret_ciphertext", "previous_secret_ciphertext", "previous_secret_expires_at", "updated_at", "created_at" FROM \`channel_endpoints\`;`)
  await db.run(sql`DROP TABLE \`channel_endpoints\`;`)
  await db.run(sql`ALTER TABLE \`__new_channel_endpoints\` RENAME TO \`channel_endpoints\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`channel_endpoints_updated_at_idx\` ON \`channel_endpoints\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`channel_endpoints_created_at_idx\` ON \`channel_endpoints\` (\`created_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_channel_endpoints\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`url\` text NOT NULL,
  	\`channel\` text DEFAULT 'website' NOT NULL,
  	\`enabled\` integer DEFAULT true,
  	\`disabled_reason\` text,
  	\`disabled_at\` text,
  	\`secret_ciphertext\` text,
  	\`previous_secret_ciphertext\` text,
  	\`previous_secret_expires_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new_channel_endpoints\`("id", "name", "url", "channel", "enabled", "disabled_reason", "disabled_at", "secret_ciphertext", "previous_secret_ciphertext", "previous_secret_expires_at", "updated_at", "created_at") SELECT "id", "name", "url", "channel", "enabled", "disabled_reason", "disabled_at", "secret_ciphertext", "previous_secret_ciphertext", "previous_secret_expires_at", "updated_at", "created_at" FROM \`channel_endpoints\`;`)
  await db.run(sql`DROP TABLE \`channel_endpoints\`;`)
  await db.run(sql`ALTER TABLE \`__new_channel_endpoints\` RENAME TO \`channel_endpoints\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`channel_endpoints_updated_at_idx\` ON \`channel_endpoints\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`channel_endpoints_created_at_idx\` ON \`channel_endpoints\` (\`created_at\`);`)
}
