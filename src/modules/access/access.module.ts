import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthModule } from '../auth/auth.module';
import { AccessGuard } from './access.guard';
import { AccessService } from './access.service';

/** Access control: the global guard and the one query that feeds every check (STYLE.md §12). */
@Module({
  imports: [AuthModule],
  providers: [AccessService, { provide: APP_GUARD, useClass: AccessGuard }],
})
export class AccessModule {}
