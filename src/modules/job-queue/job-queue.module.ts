import { Module } from '@nestjs/common';
import { JobQueueService } from './job-queue.service';

/** The PostgreSQL job queue (pg-boss on the app's pool); modules queue and work jobs through it. */
@Module({
  providers: [JobQueueService],
  exports: [JobQueueService],
})
export class JobQueueModule {}
