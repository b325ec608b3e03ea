import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessEventBuffer } from './access-event.buffer';
import { AccessEventInterceptor } from './access-event.interceptor';
import { AuditEventEntity } from './audit-event.entity';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

/** Global: every write service records through AuditService; app.module installs the interceptor. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEventEntity])],
  controllers: [AuditController],
  providers: [AuditService, AccessEventBuffer, AccessEventInterceptor],
  exports: [AuditService, AccessEventBuffer, AccessEventInterceptor],
})
export class AuditModule {}
