import { MigrationInterface, QueryRunner } from "typeorm";

export class AuditEvent1796175642983 implements MigrationInterface {
    name = 'AuditEvent1796175642983'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "audit_event" (
                "seq" BIGSERIAL NOT NULL,
                "event_id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "user_id" uuid,
                "consumer_id" uuid,
                "action" text NOT NULL,
                "entity_type" text NOT NULL,
                "entity_id" text NOT NULL,
                "bank_id" text NOT NULL,
                "customer_id" uuid,
                "correlation_id" text NOT NULL,
                "changed_fields" text array NOT NULL,
                CONSTRAINT "PK_53300da00860bdf4dc3ef7daae6" PRIMARY KEY ("seq")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_audit_event_user" ON "audit_event" ("user_id", "occurred_at", "seq")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_audit_event_entity" ON "audit_event" ("entity_type", "entity_id", "occurred_at", "seq")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_audit_event_bank" ON "audit_event" ("bank_id", "occurred_at", "seq")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_audit_event_customer" ON "audit_event" ("customer_id", "occurred_at", "seq")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_audit_event_occurred" ON "audit_event" ("occurred_at", "seq")
        `);
        // append-only (issue #13): no UPDATE, DELETE or TRUNCATE, whoever connects (table owner included)
        await queryRunner.query(`
            CREATE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit_event is append-only: % is refused', TG_OP;
            END
            $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER "audit_event_no_change" BEFORE UPDATE OR DELETE ON "audit_event"
            FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"()
        `);
        await queryRunner.query(`
            CREATE TRIGGER "audit_event_no_truncate" BEFORE TRUNCATE ON "audit_event"
            FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"()
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP TRIGGER "audit_event_no_truncate" ON "audit_event"
        `);
        await queryRunner.query(`
            DROP TRIGGER "audit_event_no_change" ON "audit_event"
        `);
        await queryRunner.query(`
            DROP FUNCTION "audit_event_append_only"()
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_audit_event_occurred"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_audit_event_customer"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_audit_event_bank"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_audit_event_entity"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_audit_event_user"
        `);
        await queryRunner.query(`
            DROP TABLE "audit_event"
        `);
    }

}
