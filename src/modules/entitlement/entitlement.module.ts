import { forwardRef, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BankModule } from '../bank/bank.module';
import { UserModule } from '../user/user.module';
import { EntitlementRequestEntity } from './entitlement-request.entity';
import { EntitlementController } from './entitlement.controller';
import { EntitlementEntity } from './entitlement.entity';
import { EntitlementService } from './entitlement.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([EntitlementEntity, EntitlementRequestEntity]),
    forwardRef(() => BankModule),
    forwardRef(() => UserModule),
  ],
  controllers: [EntitlementController],
  providers: [EntitlementService],
  exports: [EntitlementService],
})
export class EntitlementModule {}
