import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`channel_checks\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`channel\` text NOT NULL,
  	\`status\` text NOT NULL,
  	\`detail\` text,
  	\`checked_at\` text NOT NULL,
  	\`since\` text NOT NULL,
  	\`period_key\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`channel_checks_channel_idx\` ON \`channel_checks\` (\`channel\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`channel_checks_period_key_idx\` ON \`channel_checks\` (\`period_key\`);`)
  await db.run(sql`CREATE INDEX \`channel_checks_updated_at_idx\` ON \`channel_checks\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`channel_checks_created_at_idx\` ON \`channel_checks\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`channel_checks_id\` integer REFERENCES channel_checks(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_channel_checks_id_idx\` ON \`payload_locked_documents_rels\` (\`channel_checks_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`channel_checks\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`news_id\` integer,
  	\`events_id\` integer,
  	\`service_messages_id\` integer,
  	\`media_id\` integer,
  	\`departments_id\` integer,
  	\`categories_id\` integer,
  	\`users_id\` integer,
  	\`brand_assets_id\` integer,
  	\`screens_id\` integer,
  	\`deliveries_id\` integer,
  	\`delivery_attempts_id\` integer,
  	\`channel_endpoints_id\` integer,
  	\`pull_entries_id\` integer,
  	\`route_snapshots_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`news_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`events_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`service_messages_id\`) REFERENCES \`service_messages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`departments_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`categories_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`brand_assets_id\`) REFERENCES \`brand_assets\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`screens_id\`) REFERENCES \`screens\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`deliveries_id\`) REFERENCES \`deliveries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`delivery_attempts_id\`) REFERENCES \`delivery_attempts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`channel_endpoints_id\`) REFERENCES \`channel_endpoints\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`pull_entries_id\`) REFERENCES \`pull_entries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`route_snapshots_id\`) REFERENCES \`route_snapshots\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "news_id", "events_id", "service_messages_id", "media_id", "departments_id", "categories_id", "users_id", "brand_assets_id", "screens_id", "deliveries_id", "delivery_attempts_id", "channel_endpoints_id", "pull_entries_id", "route_snapshots_id") SELECT "id", "order", "parent_id", "path", "news_id", "events_id", "service_messages_id", "media_id", "departments_id", "categories_id", "users_id", "brand_assets_id", "screens_id", "deliveries_id", "delivery_attempts_id", "channel_endpoints_id", "pull_entries_id", "route_snapshots_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_news_id_idx\` ON \`payload_locked_documents_rels\` (\`news_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_events_id_idx\` ON \`payload_locked_documents_rels\` (\`events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_service_messages_id_idx\` ON \`payload_locked_documents_rels\` (\`service_messages_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_departments_id_idx\` ON \`payload_locked_documents_rels\` (\`departments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_categories_id_idx\` ON \`payload_locked_documents_rels\` (\`categories_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_brand_assets_id_idx\` ON \`payload_locked_documents_rels\` (\`brand_assets_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_screens_id_idx\` ON \`payload_locked_documents_rels\` (\`screens_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_deliveries_id_idx\` ON \`payload_locked_documents_rels\` (\`deliveries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_delivery_attempts_id_idx\` ON \`payload_locked_documents_rels\` (\`delivery_attempts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_channel_endpoints_id_idx\` ON \`payload_locked_documents_rels\` (\`channel_endpoints_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_pull_entries_id_idx\` ON \`payload_locked_documents_rels\` (\`pull_entries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_route_snapshots_id_idx\` ON \`payload_locked_documents_rels\` (\`route_snapshots_id\`);`)
}
