import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`deliveries\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`item_collection\` text NOT NULL,
  	\`item_id\` text NOT NULL,
  	\`item_uid\` text NOT NULL,
  	\`item_title\` text,
  	\`revision\` numeric NOT NULL,
  	\`channel\` text NOT NULL,
  	\`target\` text NOT NULL,
  	\`target_name\` text,
  	\`action\` text NOT NULL,
  	\`status\` text DEFAULT 'pending' NOT NULL,
  	\`attempts\` numeric DEFAULT 0 NOT NULL,
  	\`next_attempt_at\` text,
  	\`lease_token\` text,
  	\`lease_until\` text,
  	\`delivered_at\` text,
  	\`external_id\` text,
  	\`external_url\` text,
  	\`receipt\` text,
  	\`last_status_code\` numeric,
  	\`last_error\` text,
  	\`idempotency_key\` text NOT NULL,
  	\`snapshot\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`deliveries_item_collection_idx\` ON \`deliveries\` (\`item_collection\`);`)
  await db.run(sql`CREATE INDEX \`deliveries_item_id_idx\` ON \`deliveries\` (\`item_id\`);`)
  await db.run(sql`CREATE INDEX \`deliveries_item_uid_idx\` ON \`deliveries\` (\`item_uid\`);`)
  await db.run(sql`CREATE INDEX \`deliveries_channel_idx\` ON \`deliveries\` (\`channel\`);`)
  await db.run(sql`CREATE INDEX \`deliveries_status_idx\` ON \`deliveries\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`deliveries_next_attempt_at_idx\` ON \`deliveries\` (\`next_attempt_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`deliveries_idempotency_key_idx\` ON \`deliveries\` (\`idempotency_key\`);`)
  await db.run(sql`CREATE INDEX \`deliveries_updated_at_idx\` ON \`deliveries\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`deliveries_created_at_idx\` ON \`deliveries\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`delivery_attempts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`delivery_id\` integer NOT NULL,
  	\`attempt\` numeric NOT NULL,
  	\`started_at\` text NOT NULL,
  	\`duration_ms\` numeric,
  	\`status_code\` numeric,
  	\`outcome\` text NOT NULL,
  	\`error\` text,
  	\`worker\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`delivery_id\`) REFERENCES \`deliveries\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`delivery_attempts_delivery_idx\` ON \`delivery_attempts\` (\`delivery_id\`);`)
  await db.run(sql`CREATE INDEX \`delivery_attempts_updated_at_idx\` ON \`delivery_attempts\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`delivery_attempts_created_at_idx\` ON \`delivery_attempts\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`uid\` text;`)
  await db.run(sql`CREATE UNIQUE INDEX \`news_uid_idx\` ON \`news\` (\`uid\`);`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_uid\` text;`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_uid_idx\` ON \`_news_v\` (\`version_uid\`);`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`uid\` text;`)
  await db.run(sql`CREATE UNIQUE INDEX \`events_uid_idx\` ON \`events\` (\`uid\`);`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_uid\` text;`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_uid_idx\` ON \`_events_v\` (\`version_uid\`);`)
  await db.run(sql`ALTER TABLE \`service_messages\` ADD \`uid\` text;`)
  await db.run(sql`CREATE UNIQUE INDEX \`service_messages_uid_idx\` ON \`service_messages\` (\`uid\`);`)
  await db.run(sql`ALTER TABLE \`_service_messages_v\` ADD \`version_uid\` text;`)
  await db.run(sql`CREATE INDEX \`_service_messages_v_version_version_uid_idx\` ON \`_service_messages_v\` (\`version_uid\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`deliveries_id\` integer REFERENCES deliveries(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`delivery_attempts_id\` integer REFERENCES delivery_attempts(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_deliveries_id_idx\` ON \`payload_locked_documents_rels\` (\`deliveries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_delivery_attempts_id_idx\` ON \`payload_locked_documents_rels\` (\`delivery_attempts_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`deliveries\`;`)
  await db.run(sql`DROP TABLE \`delivery_attempts\`;`)
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
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`news_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`events_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`service_messages_id\`) REFERENCES \`service_messages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`departments_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`categories_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`brand_assets_id\`) REFERENCES \`brand_assets\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`screens_id\`) REFERENCES \`screens\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "news_id", "events_id", "service_messages_id", "media_id", "departments_id", "categories_id", "users_id", "brand_assets_id", "screens_id") SELECT "id", "order", "parent_id", "path", "news_id", "events_id", "service_messages_id", "media_id", "departments_id", "categories_id", "users_id", "brand_assets_id", "screens_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`DROP INDEX \`news_uid_idx\`;`)
  await db.run(sql`ALTER TABLE \`news\` DROP COLUMN \`uid\`;`)
  await db.run(sql`DROP INDEX \`_news_v_version_version_uid_idx\`;`)
  await db.run(sql`ALTER TABLE \`_news_v\` DROP COLUMN \`version_uid\`;`)
  await db.run(sql`DROP INDEX \`events_uid_idx\`;`)
  await db.run(sql`ALTER TABLE \`events\` DROP COLUMN \`uid\`;`)
  await db.run(sql`DROP INDEX \`_events_v_version_version_uid_idx\`;`)
  await db.run(sql`ALTER TABLE \`_events_v\` DROP COLUMN \`version_uid\`;`)
  await db.run(sql`DROP INDEX \`service_messages_uid_idx\`;`)
  await db.run(sql`ALTER TABLE \`service_messages\` DROP COLUMN \`uid\`;`)
  await db.run(sql`DROP INDEX \`_service_messages_v_version_version_uid_idx\`;`)
  await db.run(sql`ALTER TABLE \`_service_messages_v\` DROP COLUMN \`version_uid\`;`)
}
