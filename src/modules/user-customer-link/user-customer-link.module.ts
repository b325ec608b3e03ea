import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CustomerModule } from '../customer/customer.module';
import { UserModule } from '../user/user.module';
import { UserCustomerLinkController } from './user-customer-link.controller';
import { UserCustomerLinkEntity } from './user-customer-link.entity';
import { UserCustomerLinkService } from './user-customer-link.service';

@Module({
  imports: [TypeOrmModule.forFeature([UserCustomerLinkEntity]), UserModule, CustomerModule],
  controllers: [UserCustomerLinkController],
  providers: [UserCustomerLinkService],
  exports: [UserCustomerLinkService],
})
export class UserCustomerLinkModule {}
