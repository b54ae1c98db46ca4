import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * Hand-written: Payload cannot declare partial indexes. The claim reads only open rows, in
 * (next_attempt_at, id) order, and checks each against earlier open rows of the same item ×
 * channel × target; without these it scans and sorts the whole ledger on every claim.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE INDEX IF NOT EXISTS "deliveries_open_due_idx" ON "deliveries" USING btree ("next_attempt_at" NULLS FIRST, "id")
    WHERE "status" IN ('pending', 'retrying', 'in_flight');
  CREATE INDEX IF NOT EXISTS "deliveries_open_key_idx" ON "deliveries" USING btree ("item_uid", "channel", "target", "id")
    WHERE "status" IN ('pending', 'retrying', 'in_flight');
  CREATE INDEX IF NOT EXISTS "deliveries_key_idx" ON "deliveries" USING btree ("item_uid", "channel", "target", "id");`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP INDEX IF EXISTS "deliveries_open_due_idx";
  DROP INDEX IF EXISTS "deliveries_open_key_idx";
  DROP INDEX IF EXISTS "deliveries_key_idx";`)
}
