import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../../common/endpoint/public.decorator';
import { ObpError } from '../../common/errors/obp-errors';
import { ObpException } from '../../common/errors/obp.exception';

const READY_TIMEOUT_MS = 2000;

@ApiExcludeController()
@Public()
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The process is up. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** The database answers; 503 otherwise (so a load balancer stops sending traffic). */
  @Get('ready')
  async ready(): Promise<{ status: 'ok'; database: 'up' }> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), READY_TIMEOUT_MS);
    });
    try {
      if (!this.dataSource.isInitialized) throw new Error('not initialised');
      await Promise.race([this.dataSource.query('SELECT 1'), timeout]);
      return { status: 'ok', database: 'up' };
    } catch {
      throw new ObpException(ObpError.ServiceUnavailable);
    } finally {
      clearTimeout(timer);
    }
  }
}
