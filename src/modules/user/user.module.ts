import { forwardRef, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EntitlementModule } from '../entitlement/entitlement.module';
import { UserLockService } from './user-lock.service';
import { UserController } from './user.controller';
import { UserEntity } from './user.entity';
import { UserService } from './user.service';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity]), forwardRef(() => EntitlementModule)],
  controllers: [UserController],
  providers: [UserService, UserLockService],
  exports: [UserService],
})
export class UserModule {}
