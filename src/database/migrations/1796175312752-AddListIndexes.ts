import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Paged lists (issue 15): every list's ORDER BY (its date, then a unique column) is served by one
 * index, scanned forwards for the default order and backwards for the other `sort_direction`. The
 * single-column indexes they replace are their prefixes. The four lists ordered `DESC, ASC` need
 * DESC index columns, which @Index cannot declare: their entities mark them `synchronize: false`.
 */
export class AddListIndexes1796175312752 implements MigrationInterface {
  name = 'AddListIndexes1796175312752';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of [
      'DROP INDEX "public"."IDX_1f5ed21a5f3390cdbafb6f2245"',
      'DROP INDEX "public"."IDX_c2d30561bdbb42c08215471234"',
      'DROP INDEX "public"."IDX_d6b587b84cea9c0a71815ea8cd"',
      'DROP INDEX "public"."ix_kyc_check_customer_updated"',
      'DROP INDEX "public"."ix_kyc_document_customer_updated"',
      'DROP INDEX "public"."ix_kyc_media_customer_updated"',
      'DROP INDEX "public"."ix_kyc_status_customer_created"',
      'DROP INDEX "public"."ix_meeting_bank_when"',
      'DROP INDEX "public"."IDX_02c8d09db589779da4f2cd441b"',
      'CREATE INDEX "ix_kyc_check_list" ON "kyc_check" ("customer_id", "updated_at" DESC, "id")',
      'CREATE INDEX "ix_kyc_document_list" ON "kyc_document" ("customer_id", "updated_at" DESC, "id")',
      'CREATE INDEX "ix_kyc_media_list" ON "kyc_media" ("customer_id", "updated_at" DESC, "id")',
      'CREATE INDEX "ix_meeting_list" ON "meeting" ("bank_id", "when" DESC, "id")',
      'CREATE INDEX "ix_kyc_status_list" ON "kyc_status" ("customer_id", "created_at", "seq")',
      'CREATE INDEX "ix_customer_address_list" ON "customer_address" ("customer_id", "created_at", "id")',
      'CREATE INDEX "ix_tax_residence_list" ON "tax_residence" ("customer_id", "created_at", "id")',
      'CREATE INDEX "ix_consumer_list" ON "consumer" ("created_at", "id")',
      'CREATE INDEX "ix_app_user_list" ON "app_user" ("created_at", "id")',
      'CREATE INDEX "ix_app_user_email_list" ON "app_user" ("email", "created_at", "id")',
      'CREATE INDEX "ix_entitlement_list" ON "entitlement" ("created_at", "id")',
      'CREATE INDEX "ix_entitlement_user_list" ON "entitlement" ("user_id", "created_at", "id")',
      'CREATE INDEX "ix_entitlement_request_list" ON "entitlement_request" ("created_at", "id")',
      'CREATE INDEX "ix_entitlement_request_user_list" ON "entitlement_request" ("user_id", "created_at", "id")',
    ]) {
      await queryRunner.query(sql);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of [
      'DROP INDEX "public"."ix_entitlement_request_user_list"',
      'DROP INDEX "public"."ix_entitlement_request_list"',
      'DROP INDEX "public"."ix_entitlement_user_list"',
      'DROP INDEX "public"."ix_entitlement_list"',
      'DROP INDEX "public"."ix_app_user_email_list"',
      'DROP INDEX "public"."ix_app_user_list"',
      'DROP INDEX "public"."ix_consumer_list"',
      'DROP INDEX "public"."ix_tax_residence_list"',
      'DROP INDEX "public"."ix_customer_address_list"',
      'DROP INDEX "public"."ix_kyc_status_list"',
      'DROP INDEX "public"."ix_meeting_list"',
      'DROP INDEX "public"."ix_kyc_media_list"',
      'DROP INDEX "public"."ix_kyc_document_list"',
      'DROP INDEX "public"."ix_kyc_check_list"',
      'CREATE INDEX "IDX_02c8d09db589779da4f2cd441b" ON "tax_residence" ("customer_id")',
      'CREATE INDEX "ix_meeting_bank_when" ON "meeting" ("bank_id", "when")',
      'CREATE INDEX "ix_kyc_status_customer_created" ON "kyc_status" ("customer_id", "created_at")',
      'CREATE INDEX "ix_kyc_media_customer_updated" ON "kyc_media" ("customer_id", "updated_at")',
      'CREATE INDEX "ix_kyc_document_customer_updated" ON "kyc_document" ("customer_id", "updated_at")',
      'CREATE INDEX "ix_kyc_check_customer_updated" ON "kyc_check" ("customer_id", "updated_at")',
      'CREATE INDEX "IDX_d6b587b84cea9c0a71815ea8cd" ON "entitlement" ("user_id")',
      'CREATE INDEX "IDX_c2d30561bdbb42c08215471234" ON "entitlement_request" ("user_id")',
      'CREATE INDEX "IDX_1f5ed21a5f3390cdbafb6f2245" ON "customer_address" ("customer_id")',
    ]) {
      await queryRunner.query(sql);
    }
  }
}
