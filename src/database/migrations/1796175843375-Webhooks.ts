import { MigrationInterface, QueryRunner } from "typeorm";

export class Webhooks1796175843375 implements MigrationInterface {
    name = 'Webhooks1796175843375'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "webhook" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "bank_id" text NOT NULL,
                "url" text NOT NULL,
                "event_types" text array NOT NULL,
                "description" text NOT NULL,
                "secret" text NOT NULL,
                "created_by_user_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_e6765510c2d078db49632b59020" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_e1d276669098f7e3a886c8db4f" ON "webhook" ("created_by_user_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_webhook_bank_created" ON "webhook" ("bank_id", "created_at", "id")
        `);
        await queryRunner.query(`
            CREATE TABLE "webhook_delivery" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "seq" BIGSERIAL NOT NULL,
                "webhook_id" uuid NOT NULL,
                "event_seq" bigint NOT NULL,
                "event_id" uuid NOT NULL,
                "event_type" text NOT NULL,
                "stream_key" text NOT NULL,
                "status" text NOT NULL,
                "attempt_count" integer NOT NULL DEFAULT '0',
                "next_attempt_at" TIMESTAMP WITH TIME ZONE,
                "deadline_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "lease_until" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "completed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "uq_webhook_delivery_webhook_event" UNIQUE ("webhook_id", "event_seq"),
                CONSTRAINT "PK_b1ae290239a778f12399db91354" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_webhook_delivery_due" ON "webhook_delivery" ("next_attempt_at")
            WHERE "status" = 'pending'
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_webhook_delivery_stream_pending" ON "webhook_delivery" ("webhook_id", "stream_key", "seq")
            WHERE "status" = 'pending'
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_webhook_delivery_list" ON "webhook_delivery" ("webhook_id", "created_at", "seq")
        `);
        await queryRunner.query(`
            CREATE TABLE "webhook_delivery_attempt" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "delivery_id" uuid NOT NULL,
                "attempted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "status" text NOT NULL,
                "response_code" integer,
                "duration_ms" integer NOT NULL,
                "error" text,
                "next_retry_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_e6efad829bd07e78a18fd0ad5d5" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_webhook_delivery_attempt_delivery" ON "webhook_delivery_attempt" ("delivery_id", "attempted_at", "id")
        `);
        await queryRunner.query(`
            CREATE TABLE "webhook_relay_cursor" (
                "id" integer NOT NULL,
                "last_txid" bigint NOT NULL,
                "last_seq" bigint NOT NULL,
                CONSTRAINT "PK_ae8e082f31a2d520af1bd700f7a" PRIMARY KEY ("id")
            )
        `);
        // the writing transaction's id (xid8, as bigint: it never wraps) for the relay's order; a
        // function, so the column's default reads back the same on both stores (no casts to strip)
        await queryRunner.query(`
            CREATE FUNCTION "kyc_event_txid"() RETURNS bigint LANGUAGE sql VOLATILE
            AS $$ SELECT pg_current_xact_id()::text::bigint $$
        `);
        await queryRunner.query(`
            ALTER TABLE "kyc_event"
            ADD "txid" bigint NOT NULL DEFAULT kyc_event_txid()
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_kyc_event_txid_seq" ON "kyc_event" ("txid", "seq")
        `);
        // the relay starts after the events already in the outbox: no webhook existed before them
        await queryRunner.query(`
            INSERT INTO "webhook_relay_cursor" ("id", "last_txid", "last_seq")
            SELECT 1, COALESCE(MAX("txid"), 0), COALESCE(MAX("seq"), 0) FROM "kyc_event"
        `);
        await queryRunner.query(`
            ALTER TABLE "webhook"
            ADD CONSTRAINT "FK_abf180975aac2bd8b8246a33e55" FOREIGN KEY ("bank_id") REFERENCES "bank"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "webhook"
            ADD CONSTRAINT "FK_e1d276669098f7e3a886c8db4f4" FOREIGN KEY ("created_by_user_id") REFERENCES "app_user"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "webhook_delivery"
            ADD CONSTRAINT "FK_ef25cc28dcf88ea3dd81f39af2d" FOREIGN KEY ("webhook_id") REFERENCES "webhook"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "webhook_delivery_attempt"
            ADD CONSTRAINT "FK_d6b1ad59ea81fa8680d8e7cab82" FOREIGN KEY ("delivery_id") REFERENCES "webhook_delivery"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "webhook_delivery_attempt" DROP CONSTRAINT "FK_d6b1ad59ea81fa8680d8e7cab82"
        `);
        await queryRunner.query(`
            ALTER TABLE "webhook_delivery" DROP CONSTRAINT "FK_ef25cc28dcf88ea3dd81f39af2d"
        `);
        await queryRunner.query(`
            ALTER TABLE "webhook" DROP CONSTRAINT "FK_e1d276669098f7e3a886c8db4f4"
        `);
        await queryRunner.query(`
            ALTER TABLE "webhook" DROP CONSTRAINT "FK_abf180975aac2bd8b8246a33e55"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_kyc_event_txid_seq"
        `);
        await queryRunner.query(`
            ALTER TABLE "kyc_event" DROP COLUMN "txid"
        `);
        await queryRunner.query(`
            DROP FUNCTION "kyc_event_txid"()
        `);
        await queryRunner.query(`
            DROP TABLE "webhook_relay_cursor"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_webhook_delivery_attempt_delivery"
        `);
        await queryRunner.query(`
            DROP TABLE "webhook_delivery_attempt"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_webhook_delivery_list"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_webhook_delivery_stream_pending"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_webhook_delivery_due"
        `);
        await queryRunner.query(`
            DROP TABLE "webhook_delivery"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_webhook_bank_created"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_e1d276669098f7e3a886c8db4f"
        `);
        await queryRunner.query(`
            DROP TABLE "webhook"
        `);
    }

}
