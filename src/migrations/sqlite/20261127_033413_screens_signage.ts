import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`screens_item_types\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`screens\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`screens_item_types_order_idx\` ON \`screens_item_types\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`screens_item_types_parent_idx\` ON \`screens_item_types\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`screens_dayparts_days\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` text NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`screens_dayparts\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`screens_dayparts_days_order_idx\` ON \`screens_dayparts_days\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`screens_dayparts_days_parent_idx\` ON \`screens_dayparts_days\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`screens_dayparts\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`from\` text NOT NULL,
  	\`to\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`screens\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`screens_dayparts_order_idx\` ON \`screens_dayparts\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`screens_dayparts_parent_id_idx\` ON \`screens_dayparts\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`screens_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`departments_id\` integer,
  	\`categories_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`screens\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`departments_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`categories_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`screens_rels_order_idx\` ON \`screens_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`screens_rels_parent_idx\` ON \`screens_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`screens_rels_path_idx\` ON \`screens_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`screens_rels_departments_id_idx\` ON \`screens_rels\` (\`departments_id\`);`)
  await db.run(sql`CREATE INDEX \`screens_rels_categories_id_idx\` ON \`screens_rels\` (\`categories_id\`);`)
  await db.run(sql`ALTER TABLE \`screens\` ADD \`audience\` text DEFAULT 'public' NOT NULL;`)
  await db.run(sql`ALTER TABLE \`screens\` ADD \`slide_seconds\` numeric DEFAULT 12 NOT NULL;`)
  await db.run(sql`ALTER TABLE \`screens\` ADD \`max_age_days\` numeric DEFAULT 14 NOT NULL;`)
  await db.run(sql`ALTER TABLE \`screens\` ADD \`key_hash\` text;`)
  await db.run(sql`ALTER TABLE \`screens\` ADD \`key_issued_at\` text;`)
  await db.run(sql`ALTER TABLE \`screens\` ADD \`last_seen_at\` text;`)
  await db.run(sql`ALTER TABLE \`screens\` ADD \`shown_version\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`screens_item_types\`;`)
  await db.run(sql`DROP TABLE \`screens_dayparts_days\`;`)
  await db.run(sql`DROP TABLE \`screens_dayparts\`;`)
  await db.run(sql`DROP TABLE \`screens_rels\`;`)
  await db.run(sql`ALTER TABLE \`screens\` DROP COLUMN \`audience\`;`)
  await db.run(sql`ALTER TABLE \`screens\` DROP COLUMN \`slide_seconds\`;`)
  await db.run(sql`ALTER TABLE \`screens\` DROP COLUMN \`max_age_days\`;`)
  await db.run(sql`ALTER TABLE \`screens\` DROP COLUMN \`key_hash\`;`)
  await db.run(sql`ALTER TABLE \`screens\` DROP COLUMN \`key_issued_at\`;`)
  await db.run(sql`ALTER TABLE \`screens\` DROP COLUMN \`last_seen_at\`;`)
  await db.run(sql`ALTER TABLE \`screens\` DROP COLUMN \`shown_version\`;`)
}
