import { MigrationInterface, QueryRunner } from 'typeorm';

/** The `Idempotency-Key` store (issue 15): one row per (consumer, user, key). */
export class AddIdempotencyKey1796175312753 implements MigrationInterface {
  name = 'AddIdempotencyKey1796175312753';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "idempotency_key" (
                "consumer_id" text NOT NULL,
                "user_id" text NOT NULL,
                "key" text NOT NULL,
                "fingerprint" bytea NOT NULL,
                "response_status" integer,
                "response_headers" jsonb,
                "response_body" bytea,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_45fb910730e4800411fd948664d" PRIMARY KEY ("consumer_id", "user_id", "key")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_idempotency_key_expires" ON "idempotency_key" ("expires_at")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_idempotency_key_expires"`);
    await queryRunner.query(`DROP TABLE "idempotency_key"`);
  }
}
