import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "pull_entries" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"channel" varchar NOT NULL,
  	"target" varchar NOT NULL,
  	"item_uid" varchar NOT NULL,
  	"sort_at" timestamp(3) with time zone NOT NULL,
  	"revision" numeric NOT NULL,
  	"sequence" numeric DEFAULT 0 NOT NULL,
  	"cancelled" boolean DEFAULT false NOT NULL,
  	"removed" boolean DEFAULT false NOT NULL,
  	"ends_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone,
  	"entry" jsonb NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "route_snapshots" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"path" varchar NOT NULL,
  	"owner" varchar NOT NULL,
  	"body" varchar NOT NULL,
  	"content_type" varchar NOT NULL,
  	"etag" varchar NOT NULL,
  	"last_modified" timestamp(3) with time zone NOT NULL,
  	"cache_control" varchar NOT NULL,
  	"access" varchar DEFAULT 'public' NOT NULL,
  	"generation" numeric NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "pull_entries_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "route_snapshots_id" integer;
  CREATE INDEX "pull_entries_updated_at_idx" ON "pull_entries" USING btree ("updated_at");
  CREATE INDEX "pull_entries_created_at_idx" ON "pull_entries" USING btree ("created_at");
  CREATE UNIQUE INDEX "channel_target_itemUid_idx" ON "pull_entries" USING btree ("channel","target","item_uid");
  CREATE INDEX "channel_target_removed_sortAt_idx" ON "pull_entries" USING btree ("channel","target","removed","sort_at");
  CREATE INDEX "channel_target_updatedAt_idx" ON "pull_entries" USING btree ("channel","target","updated_at");
  CREATE UNIQUE INDEX "route_snapshots_path_idx" ON "route_snapshots" USING btree ("path");
  CREATE INDEX "route_snapshots_owner_idx" ON "route_snapshots" USING btree ("owner");
  CREATE INDEX "route_snapshots_updated_at_idx" ON "route_snapshots" USING btree ("updated_at");
  CREATE INDEX "route_snapshots_created_at_idx" ON "route_snapshots" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_pull_entries_fk" FOREIGN KEY ("pull_entries_id") REFERENCES "public"."pull_entries"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_route_snapshots_fk" FOREIGN KEY ("route_snapshots_id") REFERENCES "public"."route_snapshots"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_pull_entries_id_idx" ON "payload_locked_documents_rels" USING btree ("pull_entries_id");
  CREATE INDEX "payload_locked_documents_rels_route_snapshots_id_idx" ON "payload_locked_documents_rels" USING btree ("route_snapshots_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "pull_entries" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "route_snapshots" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "pull_entries" CASCADE;
  DROP TABLE "route_snapshots" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_pull_entries_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_route_snapshots_fk";
  
  DROP INDEX "payload_locked_documents_rels_pull_entries_id_idx";
  DROP INDEX "payload_locked_documents_rels_route_snapshots_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "pull_entries_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "route_snapshots_id";`)
}
