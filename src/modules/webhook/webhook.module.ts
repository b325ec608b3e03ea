import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { JobQueueModule } from '../job-queue/job-queue.module';
import { WebhookDeliveryAttemptEntity } from './webhook-delivery-attempt.entity';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';
import { WebhookDeliveryService } from './webhook-delivery.service';
import { WebhookRelayService } from './webhook-relay.service';
import { WebhookSecretService } from './webhook-secret.service';
import { WebhookController } from './webhook.controller';
import { WebhookEntity } from './webhook.entity';
import { WebhookService } from './webhook.service';

/**
 * Webhooks (issue #15, KYCv1.0.0): the management endpoints, the relay from the kyc_event outbox to
 * the job queue, and the signed delivery. Hooks into the writers in one place only: the outbox.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([WebhookEntity, WebhookDeliveryEntity, WebhookDeliveryAttemptEntity]),
    AuthModule,
    JobQueueModule,
  ],
  controllers: [WebhookController],
  providers: [WebhookService, WebhookSecretService, WebhookDeliveryService, WebhookRelayService],
})
export class WebhookModule {}
