import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795641933423 implements MigrationInterface {
  name = 'Init1795641933423';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "bank" (
                "id" text NOT NULL,
                "short_name" text NOT NULL,
                "full_name" text NOT NULL,
                "logo_url" text NOT NULL,
                "website_url" text NOT NULL,
                "swift_bic" text NOT NULL,
                "national_identifier" text NOT NULL,
                "bank_routing_scheme" text NOT NULL,
                "bank_routing_address" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_7651eaf705126155142947926e8" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "customer" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "bank_id" text NOT NULL,
                "customer_number" text NOT NULL,
                "legal_name" text NOT NULL,
                "mobile_phone_number" text NOT NULL,
                "email" text NOT NULL,
                "face_image_url" text NOT NULL,
                "face_image_date" TIMESTAMP WITH TIME ZONE NOT NULL,
                "date_of_birth" TIMESTAMP WITH TIME ZONE NOT NULL,
                "relationship_status" text NOT NULL,
                "dependants" integer NOT NULL,
                "dob_of_dependants" TIMESTAMP WITH TIME ZONE array NOT NULL,
                "credit_rating_rating" text NOT NULL,
                "credit_rating_source" text NOT NULL,
                "credit_limit_currency" text NOT NULL,
                "credit_limit_amount" text NOT NULL,
                "highest_education_attained" text NOT NULL,
                "employment_status" text NOT NULL,
                "kyc_status" boolean NOT NULL,
                "last_ok_date" TIMESTAMP WITH TIME ZONE NOT NULL,
                "title" text NOT NULL,
                "branch_id" text NOT NULL,
                "name_suffix" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_customer_bank_number" UNIQUE ("bank_id", "customer_number"),
                CONSTRAINT "PK_a7a13f4cacb744524e44dfdad32" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "customer_address" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "customer_id" uuid NOT NULL,
                "line1" text NOT NULL,
                "line2" text NOT NULL,
                "line3" text NOT NULL,
                "city" text NOT NULL,
                "county" text NOT NULL,
                "state" text NOT NULL,
                "postcode" text NOT NULL,
                "country_code" text NOT NULL,
                "tags" text array NOT NULL,
                "status" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_23810fb397050d8ac37dae44ff6" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_1f5ed21a5f3390cdbafb6f2245" ON "customer_address" ("customer_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "consumer" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "consumer_key" text NOT NULL,
                "secret_hash" text,
                "app_name" text NOT NULL,
                "app_type" text NOT NULL DEFAULT '',
                "description" text NOT NULL DEFAULT '',
                "developer_email" text NOT NULL DEFAULT '',
                "redirect_url" text NOT NULL DEFAULT '',
                "enabled" boolean NOT NULL,
                "created_by_user_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_consumer_key" UNIQUE ("consumer_key"),
                CONSTRAINT "PK_85625b4d465d3aa0eb905127822" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "app_user" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "username" text NOT NULL,
                "email" text NOT NULL,
                "first_name" text NOT NULL,
                "last_name" text NOT NULL,
                "password_hash" text NOT NULL,
                "provider" text NOT NULL,
                "validated" boolean NOT NULL,
                "bad_login_attempts" integer NOT NULL DEFAULT '0',
                "locked" boolean NOT NULL DEFAULT false,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_app_user_username" UNIQUE ("username"),
                CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "auth_token" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "consumer_id" uuid,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_4572ff5d1264c4a523f01aa86a0" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_auth_token_user_consumer_created" ON "auth_token" ("user_id", "consumer_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "server_secret" (
                "name" text NOT NULL,
                "value" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_8b694669d056ba2de744df598d1" PRIMARY KEY ("name")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "entitlement_request" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "role_name" text NOT NULL,
                "bank_id" text NOT NULL DEFAULT '',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_entitlement_request_user_role_bank" UNIQUE ("user_id", "role_name", "bank_id"),
                CONSTRAINT "PK_d42a8125db64054709ba9c9960e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_c2d30561bdbb42c08215471234" ON "entitlement_request" ("user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "entitlement" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "role_name" text NOT NULL,
                "bank_id" text NOT NULL DEFAULT '',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_entitlement_user_role_bank" UNIQUE ("user_id", "role_name", "bank_id"),
                CONSTRAINT "PK_de6f99ce26ea4464056dbd978d6" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_d6b587b84cea9c0a71815ea8cd" ON "entitlement" ("user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "kyc_check" (
                "id" text NOT NULL,
                "bank_id" text NOT NULL,
                "customer_id" uuid NOT NULL,
                "customer_number" text NOT NULL,
                "date" TIMESTAMP WITH TIME ZONE NOT NULL,
                "how" text NOT NULL,
                "staff_user_id" text NOT NULL,
                "staff_name" text NOT NULL,
                "satisfied" boolean NOT NULL,
                "comments" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_81f91f2a76db93af6ac5f57c393" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_kyc_check_customer_updated" ON "kyc_check" ("customer_id", "updated_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "kyc_document" (
                "id" text NOT NULL,
                "bank_id" text NOT NULL,
                "customer_id" uuid NOT NULL,
                "customer_number" text NOT NULL,
                "type" text NOT NULL,
                "number" text NOT NULL,
                "issue_date" TIMESTAMP WITH TIME ZONE NOT NULL,
                "issue_place" text NOT NULL,
                "expiry_date" TIMESTAMP WITH TIME ZONE NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_b05ea58640a46615fb11d9b6a63" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_kyc_document_customer_updated" ON "kyc_document" ("customer_id", "updated_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "kyc_media" (
                "id" text NOT NULL,
                "bank_id" text NOT NULL,
                "customer_id" uuid NOT NULL,
                "customer_number" text NOT NULL,
                "type" text NOT NULL,
                "url" text NOT NULL,
                "date" TIMESTAMP WITH TIME ZONE NOT NULL,
                "relates_to_kyc_document_id" text NOT NULL,
                "relates_to_kyc_check_id" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_ab72c8857df350426719bf48f3a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_kyc_media_customer_updated" ON "kyc_media" ("customer_id", "updated_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "kyc_status" (
                "seq" BIGSERIAL NOT NULL,
                "bank_id" text NOT NULL,
                "customer_id" uuid NOT NULL,
                "customer_number" text NOT NULL,
                "ok" boolean NOT NULL,
                "date" TIMESTAMP WITH TIME ZONE NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_6455f74fcd9a3072d070c7ed6ab" PRIMARY KEY ("seq")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_kyc_status_customer_created" ON "kyc_status" ("customer_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "meeting" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "bank_id" text NOT NULL,
                "provider_id" text NOT NULL,
                "purpose_id" text NOT NULL,
                "when" TIMESTAMP WITH TIME ZONE NOT NULL,
                "creator_user_id" uuid NOT NULL,
                "creator_name" text NOT NULL,
                "creator_mobile_phone" text NOT NULL,
                "creator_email_address" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_dccaf9e4c0e39067d82ccc7bb83" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_meeting_bank_when" ON "meeting" ("bank_id", "when")
        `);
    await queryRunner.query(`
            CREATE TABLE "meeting_invitee" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "meeting_id" uuid NOT NULL,
                "position" integer NOT NULL,
                "name" text NOT NULL,
                "mobile_phone" text NOT NULL,
                "email_address" text NOT NULL,
                "status" text NOT NULL,
                CONSTRAINT "uq_meeting_invitee_meeting_position" UNIQUE ("meeting_id", "position"),
                CONSTRAINT "PK_e24acce90bb02a11e75648f151b" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_73bdc7885cd76a1517dca14639" ON "meeting_invitee" ("email_address")
        `);
    await queryRunner.query(`
            CREATE TABLE "tax_residence" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "customer_id" uuid NOT NULL,
                "domain" text NOT NULL,
                "tax_number" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_tax_residence_customer_domain_number" UNIQUE ("customer_id", "domain", "tax_number"),
                CONSTRAINT "PK_2b2fcbbb481bf199bf9252cace1" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_02c8d09db589779da4f2cd441b" ON "tax_residence" ("customer_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "user_customer_link" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "customer_id" uuid NOT NULL,
                "bank_id" text NOT NULL,
                "is_active" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_user_customer_link_user_customer" UNIQUE ("user_id", "customer_id"),
                CONSTRAINT "PK_9f87d4cc4c0a168a286979f9b19" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_0d8bd10317132f2aa7b3821406" ON "user_customer_link" ("customer_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "customer"
            ADD CONSTRAINT "FK_ba10fea070f35567eaa3d57239a" FOREIGN KEY ("bank_id") REFERENCES "bank"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "customer_address"
            ADD CONSTRAINT "FK_1f5ed21a5f3390cdbafb6f22452" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "auth_token"
            ADD CONSTRAINT "FK_26b580c89e141c75426f44317bc" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "auth_token"
            ADD CONSTRAINT "FK_e5b642d5c85ad2184db3f4749ee" FOREIGN KEY ("consumer_id") REFERENCES "consumer"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "entitlement_request"
            ADD CONSTRAINT "FK_c2d30561bdbb42c08215471234c" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "entitlement"
            ADD CONSTRAINT "FK_d6b587b84cea9c0a71815ea8cd3" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "kyc_check"
            ADD CONSTRAINT "FK_ddf9dcd9e89cdbafc4ede41ff11" FOREIGN KEY ("bank_id") REFERENCES "bank"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "kyc_check"
            ADD CONSTRAINT "FK_c19d2337f59fc0fa6f202706f43" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "kyc_document"
            ADD CONSTRAINT "FK_67706417eaf9ea5d4372cdb4c4e" FOREIGN KEY ("bank_id") REFERENCES "bank"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "kyc_document"
            ADD CONSTRAINT "FK_c6698f7c482b19aa82634f3bf64" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "kyc_media"
            ADD CONSTRAINT "FK_8c90ee38f5d5cab38cfa56fdc6f" FOREIGN KEY ("bank_id") REFERENCES "bank"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "kyc_media"
            ADD CONSTRAINT "FK_7ec66a0d0d897a296131c83bdc5" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "kyc_status"
            ADD CONSTRAINT "FK_0879cce73e8d7d495e1067227b9" FOREIGN KEY ("bank_id") REFERENCES "bank"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "kyc_status"
            ADD CONSTRAINT "FK_d48f93aef6835339c0cae60f40a" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting"
            ADD CONSTRAINT "FK_1ddf1191050934c69a3cab54b22" FOREIGN KEY ("bank_id") REFERENCES "bank"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting"
            ADD CONSTRAINT "FK_3cb586dfdf90f7408ca3d16393e" FOREIGN KEY ("creator_user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_invitee"
            ADD CONSTRAINT "FK_a49661a8b716afb26846f5d43a5" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "tax_residence"
            ADD CONSTRAINT "FK_02c8d09db589779da4f2cd441b9" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "user_customer_link"
            ADD CONSTRAINT "FK_ec6e493d9a2636e2a56f9ab06f2" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "user_customer_link"
            ADD CONSTRAINT "FK_0d8bd10317132f2aa7b3821406d" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "user_customer_link" DROP CONSTRAINT "FK_0d8bd10317132f2aa7b3821406d"
        `);
    await queryRunner.query(`
            ALTER TABLE "user_customer_link" DROP CONSTRAINT "FK_ec6e493d9a2636e2a56f9ab06f2"
        `);
    await queryRunner.query(`
            ALTER TABLE "tax_residence" DROP CONSTRAINT "FK_02c8d09db589779da4f2cd441b9"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_invitee" DROP CONSTRAINT "FK_a49661a8b716afb26846f5d43a5"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting" DROP CONSTRAINT "FK_3cb586dfdf90f7408ca3d16393e"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting" DROP CONSTRAINT "FK_1ddf1191050934c69a3cab54b22"
        `);
    await queryRunner.query(`
            ALTER TABLE "kyc_status" DROP CONSTRAINT "FK_d48f93aef6835339c0cae60f40a"
        `);
    await queryRunner.query(`
            ALTER TABLE "kyc_status" DROP CONSTRAINT "FK_0879cce73e8d7d495e1067227b9"
        `);
    await queryRunner.query(`
            ALTER TABLE "kyc_media" DROP CONSTRAINT "FK_7ec66a0d0d897a296131c83bdc5"
        `);
    await queryRunner.query(`
            ALTER TABLE "kyc_media" DROP CONSTRAINT "FK_8c90ee38f5d5cab38cfa56fdc6f"
        `);
    await queryRunner.query(`
            ALTER TABLE "kyc_document" DROP CONSTRAINT "FK_c6698f7c482b19aa82634f3bf64"
        `);
    await queryRunner.query(`
            ALTER TABLE "kyc_document" DROP CONSTRAINT "FK_67706417eaf9ea5d4372cdb4c4e"
        `);
    await queryRunner.query(`
            ALTER TABLE "kyc_check" DROP CONSTRAINT "FK_c19d2337f59fc0fa6f202706f43"
        `);
    await queryRunner.query(`
            ALTER TABLE "kyc_check" DROP CONSTRAINT "FK_ddf9dcd9e89cdbafc4ede41ff11"
        `);
    await queryRunner.query(`
            ALTER TABLE "entitlement" DROP CONSTRAINT "FK_d6b587b84cea9c0a71815ea8cd3"
        `);
    await queryRunner.query(`
            ALTER TABLE "entitlement_request" DROP CONSTRAINT "FK_c2d30561bdbb42c08215471234c"
        `);
    await queryRunner.query(`
            ALTER TABLE "auth_token" DROP CONSTRAINT "FK_e5b642d5c85ad2184db3f4749ee"
        `);
    await queryRunner.query(`
            ALTER TABLE "auth_token" DROP CONSTRAINT "FK_26b580c89e141c75426f44317bc"
        `);
    await queryRunner.query(`
            ALTER TABLE "customer_address" DROP CONSTRAINT "FK_1f5ed21a5f3390cdbafb6f22452"
        `);
    await queryRunner.query(`
            ALTER TABLE "customer" DROP CONSTRAINT "FK_ba10fea070f35567eaa3d57239a"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_0d8bd10317132f2aa7b3821406"
        `);
    await queryRunner.query(`
            DROP TABLE "user_customer_link"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_02c8d09db589779da4f2cd441b"
        `);
    await queryRunner.query(`
            DROP TABLE "tax_residence"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_73bdc7885cd76a1517dca14639"
        `);
    await queryRunner.query(`
            DROP TABLE "meeting_invitee"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_meeting_bank_when"
        `);
    await queryRunner.query(`
            DROP TABLE "meeting"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_kyc_status_customer_created"
        `);
    await queryRunner.query(`
            DROP TABLE "kyc_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_kyc_media_customer_updated"
        `);
    await queryRunner.query(`
            DROP TABLE "kyc_media"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_kyc_document_customer_updated"
        `);
    await queryRunner.query(`
            DROP TABLE "kyc_document"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_kyc_check_customer_updated"
        `);
    await queryRunner.query(`
            DROP TABLE "kyc_check"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_d6b587b84cea9c0a71815ea8cd"
        `);
    await queryRunner.query(`
            DROP TABLE "entitlement"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_c2d30561bdbb42c08215471234"
        `);
    await queryRunner.query(`
            DROP TABLE "entitlement_request"
        `);
    await queryRunner.query(`
            DROP TABLE "server_secret"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_auth_token_user_consumer_created"
        `);
    await queryRunner.query(`
            DROP TABLE "auth_token"
        `);
    await queryRunner.query(`
            DROP TABLE "app_user"
        `);
    await queryRunner.query(`
            DROP TABLE "consumer"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_1f5ed21a5f3390cdbafb6f2245"
        `);
    await queryRunner.query(`
            DROP TABLE "customer_address"
        `);
    await queryRunner.query(`
            DROP TABLE "customer"
        `);
    await queryRunner.query(`
            DROP TABLE "bank"
        `);
  }
}
