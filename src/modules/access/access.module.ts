import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { AccessGuard } from './access.guard';
import { AccessService } from './access.service';

/** Access control: the global guard and the one query that feeds every check (STYLE.md §12). */
@Module({
  imports: [AuthModule],
  providers: [AccessService, AccessGuard],
  // AppModule places the guard between the rate limits (rate-limit.guard.ts says why)
  exports: [AccessGuard],
})
export class AccessModule {}
