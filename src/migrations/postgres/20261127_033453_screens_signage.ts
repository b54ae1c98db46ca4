import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_screens_item_types" AS ENUM('news', 'events', 'service-messages');
  CREATE TYPE "public"."enum_screens_dayparts_days" AS ENUM('1', '2', '3', '4', '5', '6', '7');
  CREATE TYPE "public"."enum_screens_audience" AS ENUM('public', 'internal');
  CREATE TABLE "screens_item_types" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_screens_item_types",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "screens_dayparts_days" (
  	"order" integer NOT NULL,
  	"parent_id" varchar NOT NULL,
  	"value" "enum_screens_dayparts_days",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "screens_dayparts" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"from" varchar NOT NULL,
  	"to" varchar NOT NULL
  );
  
  CREATE TABLE "screens_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"departments_id" integer,
  	"categories_id" integer
  );
  
  ALTER TABLE "screens" ADD COLUMN "audience" "enum_screens_audience" DEFAULT 'public' NOT NULL;
  ALTER TABLE "screens" ADD COLUMN "slide_seconds" numeric DEFAULT 12 NOT NULL;
  ALTER TABLE "screens" ADD COLUMN "max_age_days" numeric DEFAULT 14 NOT NULL;
  ALTER TABLE "screens" ADD COLUMN "key_hash" varchar;
  ALTER TABLE "screens" ADD COLUMN "key_issued_at" timestamp(3) with time zone;
  ALTER TABLE "screens" ADD COLUMN "last_seen_at" timestamp(3) with time zone;
  ALTER TABLE "screens" ADD COLUMN "shown_version" varchar;
  ALTER TABLE "screens_item_types" ADD CONSTRAINT "screens_item_types_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."screens"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "screens_dayparts_days" ADD CONSTRAINT "screens_dayparts_days_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."screens_dayparts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "screens_dayparts" ADD CONSTRAINT "screens_dayparts_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."screens"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "screens_rels" ADD CONSTRAINT "screens_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."screens"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "screens_rels" ADD CONSTRAINT "screens_rels_departments_fk" FOREIGN KEY ("departments_id") REFERENCES "public"."departments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "screens_rels" ADD CONSTRAINT "screens_rels_categories_fk" FOREIGN KEY ("categories_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "screens_item_types_order_idx" ON "screens_item_types" USING btree ("order");
  CREATE INDEX "screens_item_types_parent_idx" ON "screens_item_types" USING btree ("parent_id");
  CREATE INDEX "screens_dayparts_days_order_idx" ON "screens_dayparts_days" USING btree ("order");
  CREATE INDEX "screens_dayparts_days_parent_idx" ON "screens_dayparts_days" USING btree ("parent_id");
  CREATE INDEX "screens_dayparts_order_idx" ON "screens_dayparts" USING btree ("_order");
  CREATE INDEX "screens_dayparts_parent_id_idx" ON "screens_dayparts" USING btree ("_parent_id");
  CREATE INDEX "screens_rels_order_idx" ON "screens_rels" USING btree ("order");
  CREATE INDEX "screens_rels_parent_idx" ON "screens_rels" USING btree ("parent_id");
  CREATE INDEX "screens_rels_path_idx" ON "screens_rels" USING btree ("path");
  CREATE INDEX "screens_rels_departments_id_idx" ON "screens_rels" USING btree ("departments_id");
  CREATE INDEX "screens_rels_categories_id_idx" ON "screens_rels" USING btree ("categories_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "screens_item_types" CASCADE;
  DROP TABLE "screens_dayparts_days" CASCADE;
  DROP TABLE "screens_dayparts" CASCADE;
  DROP TABLE "screens_rels" CASCADE;
  ALTER TABLE "screens" DROP COLUMN "audience";
  ALTER TABLE "screens" DROP COLUMN "slide_seconds";
  ALTER TABLE "screens" DROP COLUMN "max_age_days";
  ALTER TABLE "screens" DROP COLUMN "key_hash";
  ALTER TABLE "screens" DROP COLUMN "key_issued_at";
  ALTER TABLE "screens" DROP COLUMN "last_seen_at";
  ALTER TABLE "screens" DROP COLUMN "shown_version";
  DROP TYPE "public"."enum_screens_item_types";
  DROP TYPE "public"."enum_screens_dayparts_days";
  DROP TYPE "public"."enum_screens_audience";`)
}
