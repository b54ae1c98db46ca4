import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_channel_endpoints_events" AS ENUM('item.published', 'item.updated', 'item.retracted');
  CREATE TYPE "public"."enum_channel_endpoints_audiences" AS ENUM('public', 'internal');
  CREATE TABLE "channel_endpoints_events" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_channel_endpoints_events",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "channel_endpoints_audiences" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_channel_endpoints_audiences",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "channel_endpoints" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"url" varchar NOT NULL,
  	"enabled" boolean DEFAULT true,
  	"disabled_reason" varchar,
  	"disabled_at" timestamp(3) with time zone,
  	"secret_ciphertext" varchar,
  	"previous_secret_ciphertext" varchar,
  	"previous_secret_expires_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "channel_endpoints_id" integer;
  ALTER TABLE "channel_endpoints_events" ADD CONSTRAINT "channel_endpoints_events_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."channel_endpoints"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "channel_endpoints_audiences" ADD CONSTRAINT "channel_endpoints_audiences_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."channel_endpoints"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "channel_endpoints_events_order_idx" ON "channel_endpoints_events" USING btree ("order");
  CREATE INDEX "channel_endpoints_events_parent_idx" ON "channel_endpoints_events" USING btree ("parent_id");
  CREATE INDEX "channel_endpoints_audiences_order_idx" ON "channel_endpoints_audiences" USING btree ("order");
  CREATE INDEX "channel_endpoints_audiences_parent_idx" ON "channel_endpoints_audiences" USING btree ("parent_id");
  CREATE INDEX "channel_endpoints_updated_at_idx" ON "channel_endpoints" USING btree ("updated_at");
  CREATE INDEX "channel_endpoints_created_at_idx" ON "channel_endpoints" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_channel_endpoints_fk" FOREIGN KEY ("channel_endpoints_id") REFERENCES "public"."channel_endpoints"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_channel_endpoints_id_idx" ON "payload_locked_documents_rels" USING btree ("channel_endpoints_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "channel_endpoints_events" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "channel_endpoints_audiences" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "channel_endpoints" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "channel_endpoints_events" CASCADE;
  DROP TABLE "channel_endpoints_audiences" CASCADE;
  DROP TABLE "channel_endpoints" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_channel_endpoints_fk";
  
  DROP INDEX "payload_locked_documents_rels_channel_endpoints_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "channel_endpoints_id";
  DROP TYPE "public"."enum_channel_endpoints_events";
  DROP TYPE "public"."enum_channel_endpoints_audiences";`)
}
