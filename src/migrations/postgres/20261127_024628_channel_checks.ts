import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_channel_checks_status" AS ENUM('ok', 'degraded', 'down');
  CREATE TABLE "channel_checks" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"channel" varchar NOT NULL,
  	"status" "enum_channel_checks_status" NOT NULL,
  	"detail" varchar,
  	"checked_at" timestamp(3) with time zone NOT NULL,
  	"since" timestamp(3) with time zone NOT NULL,
  	"period_key" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "channel_checks_id" integer;
  CREATE INDEX "channel_checks_channel_idx" ON "channel_checks" USING btree ("channel");
  CREATE UNIQUE INDEX "channel_checks_period_key_idx" ON "channel_checks" USING btree ("period_key");
  CREATE INDEX "channel_checks_updated_at_idx" ON "channel_checks" USING btree ("updated_at");
  CREATE INDEX "channel_checks_created_at_idx" ON "channel_checks" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_channel_checks_fk" FOREIGN KEY ("channel_checks_id") REFERENCES "public"."channel_checks"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_channel_checks_id_idx" ON "payload_locked_documents_rels" USING btree ("channel_checks_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "channel_checks" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "channel_checks" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_channel_checks_fk";
  
  DROP INDEX "payload_locked_documents_rels_channel_checks_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "channel_checks_id";
  DROP TYPE "public"."enum_channel_checks_status";`)
}
