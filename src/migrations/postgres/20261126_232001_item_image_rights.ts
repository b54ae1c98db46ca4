import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "news" ADD COLUMN "image_withdrawn_at" timestamp(3) with time zone;
  ALTER TABLE "_news_v" ADD COLUMN "version_image_withdrawn_at" timestamp(3) with time zone;
  ALTER TABLE "events" ADD COLUMN "image_withdrawn_at" timestamp(3) with time zone;
  ALTER TABLE "_events_v" ADD COLUMN "version_image_withdrawn_at" timestamp(3) with time zone;
  ALTER TABLE "service_messages" ADD COLUMN "image_withdrawn_at" timestamp(3) with time zone;
  ALTER TABLE "_service_messages_v" ADD COLUMN "version_image_withdrawn_at" timestamp(3) with time zone;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "news" DROP COLUMN "image_withdrawn_at";
  ALTER TABLE "_news_v" DROP COLUMN "version_image_withdrawn_at";
  ALTER TABLE "events" DROP COLUMN "image_withdrawn_at";
  ALTER TABLE "_events_v" DROP COLUMN "version_image_withdrawn_at";
  ALTER TABLE "service_messages" DROP COLUMN "image_withdrawn_at";
  ALTER TABLE "_service_messages_v" DROP COLUMN "version_image_withdrawn_at";`)
}
