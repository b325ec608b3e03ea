import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { KycCheckController } from './kyc-check.controller';
import { KycCheckEntity } from './kyc-check.entity';
import { KycCheckService } from './kyc-check.service';
import { KycDocumentController } from './kyc-document.controller';
import { KycDocumentEntity } from './kyc-document.entity';
import { KycDocumentService } from './kyc-document.service';
import { KycMediaController } from './kyc-media.controller';
import { KycMediaEntity } from './kyc-media.entity';
import { KycMediaService } from './kyc-media.service';
import { KycStatusController } from './kyc-status.controller';
import { KycStatusEntity } from './kyc-status.entity';
import { KycStatusService } from './kyc-status.service';

/** The 8 KYC endpoints of v2.0.0 ([K §6], [K §7]), split by sub-resource. */
@Module({
  imports: [
    TypeOrmModule.forFeature([KycCheckEntity, KycDocumentEntity, KycMediaEntity, KycStatusEntity]),
  ],
  controllers: [KycCheckController, KycDocumentController, KycMediaController, KycStatusController],
  providers: [KycCheckService, KycDocumentService, KycMediaService, KycStatusService],
})
export class KycModule {}
