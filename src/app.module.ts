import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { ObpExceptionFilter } from './common/errors/obp-exception.filter';
import { loggerOptions } from './common/observability/logger-options';
import { DatabaseModule } from './database/database.module';
import { AccessGuard } from './modules/access/access.guard';
import { AccessModule } from './modules/access/access.module';
import { AccessEventInterceptor } from './modules/audit/access-event.interceptor';
import { AuditModule } from './modules/audit/audit.module';
import { AddressModule } from './modules/address/address.module';
import { ApiCollectionModule } from './modules/api-collection/api-collection.module';
import { AuthModule } from './modules/auth/auth.module';
import { BankModule } from './modules/bank/bank.module';
import { ConsumerModule } from './modules/consumer/consumer.module';
import { CustomerModule } from './modules/customer/customer.module';
import { EntitlementModule } from './modules/entitlement/entitlement.module';
import { ExplorerModule } from './modules/explorer/explorer.module';
import { HealthModule } from './modules/health/health.module';
import { IdempotencyInterceptor } from './modules/idempotency/idempotency.interceptor';
import { IdempotencyModule } from './modules/idempotency/idempotency.module';
import { KycModule } from './modules/kyc/kyc.module';
import { MeetingModule } from './modules/meeting/meeting.module';
import { MetricsModule } from './modules/metrics/metrics.module';
import { ConsumerRateLimitGuard, RouteRateLimitGuard } from './modules/rate-limit/rate-limit.guard';
import { RateLimitModule } from './modules/rate-limit/rate-limit.module';
import { ResourceDocModule } from './modules/resource-doc/resource-doc.module';
import { RootModule } from './modules/root/root.module';
import { TaxResidenceModule } from './modules/tax-residence/tax-residence.module';
import { UserCustomerLinkModule } from './modules/user-customer-link/user-customer-link.module';
import { UserModule } from './modules/user/user.module';
import { WebhookModule } from './modules/webhook/webhook.module';

@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({ inject: [AppConfig], useFactory: loggerOptions }),
    DatabaseModule,
    MetricsModule,
    RateLimitModule,
    HealthModule,
    RootModule,
    ApiCollectionModule,
    AuthModule,
    AccessModule,
    IdempotencyModule,
    AuditModule,
    UserModule,
    ConsumerModule,
    EntitlementModule,
    BankModule,
    CustomerModule,
    AddressModule,
    TaxResidenceModule,
    UserCustomerLinkModule,
    KycModule,
    MeetingModule,
    WebhookModule,
    ResourceDocModule,
    ExplorerModule,
  ],
  providers: [
    // global guards run in this order: the limits that need no database first, the consumer limit
    // once the login check has named the consumer (rate-limit.guard.ts says why)
    { provide: APP_GUARD, useExisting: RouteRateLimitGuard },
    { provide: APP_GUARD, useExisting: AccessGuard },
    { provide: APP_GUARD, useExisting: ConsumerRateLimitGuard },
    { provide: APP_INTERCEPTOR, useExisting: IdempotencyInterceptor },
    // reads of personal data declared with `access` become audit events (issue #13)
    { provide: APP_INTERCEPTOR, useExisting: AccessEventInterceptor },
    { provide: APP_FILTER, useClass: ObpExceptionFilter },
  ],
})
export class AppModule {}
