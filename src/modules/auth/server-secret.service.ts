import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ServerSecretEntity } from './server-secret.entity';

/**
 * Keys generated at the first start and kept in the database (server_secret), so every instance on
 * that database shares them: the JWT key, the key that encrypts webhook secrets. Never logged.
 */
@Injectable()
export class ServerSecretService {
  constructor(
    @InjectRepository(ServerSecretEntity) private readonly secrets: Repository<ServerSecretEntity>,
  ) {}

  /** The key called `name`: `bytes` random bytes made by whichever instance asked first. */
  async generatedOnce(name: string, bytes: number): Promise<Buffer> {
    await this.secrets
      .createQueryBuilder()
      .insert()
      .into(ServerSecretEntity)
      .values({ name, value: randomBytes(bytes).toString('base64') })
      .orIgnore()
      .execute();
    const row = await this.secrets.findOneByOrFail({ name });
    return Buffer.from(row.value, 'base64');
  }
}
