import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConsumerModule } from '../consumer/consumer.module';
import { EntitlementModule } from '../entitlement/entitlement.module';
import { UserModule } from '../user/user.module';
import { AuthTokenEntity } from './auth-token.entity';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { BootstrapService } from './bootstrap.service';
import { JwtStrategy } from './jwt.strategy';
import { ServerSecretEntity } from './server-secret.entity';
import { ServerSecretService } from './server-secret.service';
import { TokenSecretService } from './token-secret.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([AuthTokenEntity, ServerSecretEntity]),
    PassportModule,
    JwtModule.register({}),
    UserModule,
    ConsumerModule,
    EntitlementModule,
  ],
  controllers: [AuthController],
  providers: [AuthService, ServerSecretService, TokenSecretService, JwtStrategy, BootstrapService],
  exports: [AuthService, ServerSecretService],
})
export class AuthModule {}
