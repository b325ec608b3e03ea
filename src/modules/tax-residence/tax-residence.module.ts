import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TaxResidenceController } from './tax-residence.controller';
import { TaxResidenceEntity } from './tax-residence.entity';
import { TaxResidenceService } from './tax-residence.service';

@Module({
  imports: [TypeOrmModule.forFeature([TaxResidenceEntity])],
  controllers: [TaxResidenceController],
  providers: [TaxResidenceService],
  exports: [TaxResidenceService],
})
export class TaxResidenceModule {}
