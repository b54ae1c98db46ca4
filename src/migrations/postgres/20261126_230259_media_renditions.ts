import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "media" ADD COLUMN "renditions" jsonb;
  ALTER TABLE "media" ADD COLUMN "rendition_key" varchar;
  ALTER TABLE "media" ADD COLUMN "rendered_with" varchar;
  ALTER TABLE "media" ADD COLUMN "original_file" varchar;
  ALTER TABLE "media" ADD COLUMN "rights_withdrawn_at" timestamp(3) with time zone;
  CREATE INDEX "media_rights_expire_at_idx" ON "media" USING btree ("rights_expire_at");
  CREATE INDEX "media_rendition_key_idx" ON "media" USING btree ("rendition_key");
  CREATE INDEX "media_rendered_with_idx" ON "media" USING btree ("rendered_with");
  CREATE INDEX "media_original_file_idx" ON "media" USING btree ("original_file");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "media_rights_expire_at_idx";
  DROP INDEX "media_rendition_key_idx";
  DROP INDEX "media_rendered_with_idx";
  DROP INDEX "media_original_file_idx";
  ALTER TABLE "media" DROP COLUMN "renditions";
  ALTER TABLE "media" DROP COLUMN "rendition_key";
  ALTER TABLE "media" DROP COLUMN "rendered_with";
  ALTER TABLE "media" DROP COLUMN "original_file";
  ALTER TABLE "media" DROP COLUMN "rights_withdrawn_at";`)
}
