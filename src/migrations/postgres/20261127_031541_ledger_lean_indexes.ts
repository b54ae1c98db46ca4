import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "deliveries_item_collection_idx";
  DROP INDEX "deliveries_item_id_idx";
  DROP INDEX "deliveries_item_uid_idx";
  DROP INDEX "deliveries_channel_idx";
  DROP INDEX "deliveries_status_idx";
  DROP INDEX "deliveries_next_attempt_at_idx";
  DROP INDEX "deliveries_created_at_idx";
  DROP INDEX "delivery_attempts_updated_at_idx";`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   CREATE INDEX "deliveries_item_collection_idx" ON "deliveries" USING btree ("item_collection");
  CREATE INDEX "deliveries_item_id_idx" ON "deliveries" USING btree ("item_id");
  CREATE INDEX "deliveries_item_uid_idx" ON "deliveries" USING btree ("item_uid");
  CREATE INDEX "deliveries_channel_idx" ON "deliveries" USING btree ("channel");
  CREATE INDEX "deliveries_status_idx" ON "deliveries" USING btree ("status");
  CREATE INDEX "deliveries_next_attempt_at_idx" ON "deliveries" USING btree ("next_attempt_at");
  CREATE INDEX "deliveries_created_at_idx" ON "deliveries" USING btree ("created_at");
  CREATE INDEX "delivery_attempts_updated_at_idx" ON "delivery_attempts" USING btree ("updated_at");`)
}
