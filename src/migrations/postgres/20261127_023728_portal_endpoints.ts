import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_channel_endpoints_channel" AS ENUM('website', 'portal');
  ALTER TABLE "channel_endpoints" ADD COLUMN "channel" "enum_channel_endpoints_channel" DEFAULT 'website' NOT NULL;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "channel_endpoints" DROP COLUMN "channel";
  DROP TYPE "public"."enum_channel_endpoints_channel";`)
}
