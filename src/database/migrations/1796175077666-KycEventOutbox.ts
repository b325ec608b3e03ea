import { MigrationInterface, QueryRunner } from "typeorm";

export class KycEventOutbox1796175077666 implements MigrationInterface {
    name = 'KycEventOutbox1796175077666'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "kyc_event" (
                "seq" BIGSERIAL NOT NULL,
                "event_id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "type" text NOT NULL,
                "bank_id" text NOT NULL,
                "customer_id" uuid,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "data" jsonb NOT NULL,
                CONSTRAINT "PK_d1259d6a44b412e79af059b91fd" PRIMARY KEY ("seq")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_kyc_event_event_id" ON "kyc_event" ("event_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_kyc_event_customer_seq" ON "kyc_event" ("customer_id", "seq")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_kyc_event_bank_seq" ON "kyc_event" ("bank_id", "seq")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."ix_kyc_event_bank_seq"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_kyc_event_customer_seq"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ux_kyc_event_event_id"
        `);
        await queryRunner.query(`
            DROP TABLE "kyc_event"
        `);
    }

}
