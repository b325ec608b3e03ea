import { forwardRef, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EntitlementModule } from '../entitlement/entitlement.module';
import { BankController } from './bank.controller';
import { BankEntity } from './bank.entity';
import { BankService } from './bank.service';

@Module({
  imports: [TypeOrmModule.forFeature([BankEntity]), forwardRef(() => EntitlementModule)],
  controllers: [BankController],
  providers: [BankService],
  exports: [BankService],
})
export class BankModule {}
