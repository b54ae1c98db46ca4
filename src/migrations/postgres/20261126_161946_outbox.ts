import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_deliveries_item_collection" AS ENUM('news', 'events', 'service-messages');
  CREATE TYPE "public"."enum_deliveries_action" AS ENUM('publish', 'update', 'retract');
  CREATE TYPE "public"."enum_deliveries_status" AS ENUM('pending', 'in_flight', 'delivered', 'retrying', 'dead', 'superseded', 'cancelled');
  CREATE TYPE "public"."enum_delivery_attempts_outcome" AS ENUM('delivered', 'transient', 'permanent', 'rate-limited', 'gone');
  CREATE TABLE "deliveries" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"item_collection" "enum_deliveries_item_collection" NOT NULL,
  	"item_id" varchar NOT NULL,
  	"item_uid" varchar NOT NULL,
  	"item_title" varchar,
  	"revision" numeric NOT NULL,
  	"channel" varchar NOT NULL,
  	"target" varchar NOT NULL,
  	"target_name" varchar,
  	"action" "enum_deliveries_action" NOT NULL,
  	"status" "enum_deliveries_status" DEFAULT 'pending' NOT NULL,
  	"attempts" numeric DEFAULT 0 NOT NULL,
  	"next_attempt_at" timestamp(3) with time zone,
  	"lease_token" varchar,
  	"lease_until" timestamp(3) with time zone,
  	"delivered_at" timestamp(3) with time zone,
  	"external_id" varchar,
  	"external_url" varchar,
  	"receipt" jsonb,
  	"last_status_code" numeric,
  	"last_error" varchar,
  	"idempotency_key" varchar NOT NULL,
  	"snapshot" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "delivery_attempts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"delivery_id" integer NOT NULL,
  	"attempt" numeric NOT NULL,
  	"started_at" timestamp(3) with time zone NOT NULL,
  	"duration_ms" numeric,
  	"status_code" numeric,
  	"outcome" "enum_delivery_attempts_outcome" NOT NULL,
  	"error" varchar,
  	"worker" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "news" ADD COLUMN "uid" varchar;
  ALTER TABLE "_news_v" ADD COLUMN "version_uid" varchar;
  ALTER TABLE "events" ADD COLUMN "uid" varchar;
  ALTER TABLE "_events_v" ADD COLUMN "version_uid" varchar;
  ALTER TABLE "service_messages" ADD COLUMN "uid" varchar;
  ALTER TABLE "_service_messages_v" ADD COLUMN "version_uid" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "deliveries_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "delivery_attempts_id" integer;
  ALTER TABLE "delivery_attempts" ADD CONSTRAINT "delivery_attempts_delivery_id_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."deliveries"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "deliveries_item_collection_idx" ON "deliveries" USING btree ("item_collection");
  CREATE INDEX "deliveries_item_id_idx" ON "deliveries" USING btree ("item_id");
  CREATE INDEX "deliveries_item_uid_idx" ON "deliveries" USING btree ("item_uid");
  CREATE INDEX "deliveries_channel_idx" ON "deliveries" USING btree ("channel");
  CREATE INDEX "deliveries_status_idx" ON "deliveries" USING btree ("status");
  CREATE INDEX "deliveries_next_attempt_at_idx" ON "deliveries" USING btree ("next_attempt_at");
  CREATE UNIQUE INDEX "deliveries_idempotency_key_idx" ON "deliveries" USING btree ("idempotency_key");
  CREATE INDEX "deliveries_updated_at_idx" ON "deliveries" USING btree ("updated_at");
  CREATE INDEX "deliveries_created_at_idx" ON "deliveries" USING btree ("created_at");
  CREATE INDEX "delivery_attempts_delivery_idx" ON "delivery_attempts" USING btree ("delivery_id");
  CREATE INDEX "delivery_attempts_updated_at_idx" ON "delivery_attempts" USING btree ("updated_at");
  CREATE INDEX "delivery_attempts_created_at_idx" ON "delivery_attempts" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_deliveries_fk" FOREIGN KEY ("deliveries_id") REFERENCES "public"."deliveries"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_delivery_attempts_fk" FOREIGN KEY ("delivery_attempts_id") REFERENCES "public"."delivery_attempts"("id") ON DELETE cascade ON UPDATE no action;
  CREATE UNIQUE INDEX "news_uid_idx" ON "news" USING btree ("uid");
  CREATE INDEX "_news_v_version_version_uid_idx" ON "_news_v" USING btree ("version_uid");
  CREATE UNIQUE INDEX "events_uid_idx" ON "events" USING btree ("uid");
  CREATE INDEX "_events_v_version_version_uid_idx" ON "_events_v" USING btree ("version_uid");
  CREATE UNIQUE INDEX "service_messages_uid_idx" ON "service_messages" USING btree ("uid");
  CREATE INDEX "_service_messages_v_version_version_uid_idx" ON "_service_messages_v" USING btree ("version_uid");
  CREATE INDEX "payload_locked_documents_rels_deliveries_id_idx" ON "payload_locked_documents_rels" USING btree ("deliveries_id");
  CREATE INDEX "payload_locked_documents_rels_delivery_attempts_id_idx" ON "payload_locked_documents_rels" USING btree ("delivery_attempts_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "deliveries" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "delivery_attempts" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "deliveries" CASCADE;
  DROP TABLE "delivery_attempts" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_deliveries_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_delivery_attempts_fk";
  
  DROP INDEX "news_uid_idx";
  DROP INDEX "_news_v_version_version_uid_idx";
  DROP INDEX "events_uid_idx";
  DROP INDEX "_events_v_version_version_uid_idx";
  DROP INDEX "service_messages_uid_idx";
  DROP INDEX "_service_messages_v_version_version_uid_idx";
  DROP INDEX "payload_locked_documents_rels_deliveries_id_idx";
  DROP INDEX "payload_locked_documents_rels_delivery_attempts_id_idx";
  ALTER TABLE "news" DROP COLUMN "uid";
  ALTER TABLE "_news_v" DROP COLUMN "version_uid";
  ALTER TABLE "events" DROP COLUMN "uid";
  ALTER TABLE "_events_v" DROP COLUMN "version_uid";
  ALTER TABLE "service_messages" DROP COLUMN "uid";
  ALTER TABLE "_service_messages_v" DROP COLUMN "version_uid";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "deliveries_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "delivery_attempts_id";
  DROP TYPE "public"."enum_deliveries_item_collection";
  DROP TYPE "public"."enum_deliveries_action";
  DROP TYPE "public"."enum_deliveries_status";
  DROP TYPE "public"."enum_delivery_attempts_outcome";`)
}
