import { createSecretKey, type KeyObject, randomBytes } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { ServerSecretEntity } from './server-secret.entity';

const NAME = 'jwt_hs256';

/**
 * The HS256 key: JWT_SECRET, or one generated at the first start and kept in the database, so
 * every instance on that database accepts the others' tokens. Never logged.
 */
@Injectable()
export class TokenSecretService implements OnModuleInit {
  /** A KeyObject: jsonwebtoken re-parses a raw Buffer on every verification (it first tries it as a public key). */
  private value?: KeyObject;

  constructor(
    @InjectRepository(ServerSecretEntity) private readonly secrets: Repository<ServerSecretEntity>,
    private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.config.jwtSecret) {
      this.value = createSecretKey(Buffer.from(this.config.jwtSecret, 'utf8'));
      return;
    }
    await this.secrets
      .createQueryBuilder()
      .insert()
      .into(ServerSecretEntity)
      .values({ name: NAME, value: randomBytes(48).toString('base64') })
      .orIgnore()
      .execute();
    const row = await this.secrets.findOneByOrFail({ name: NAME });
    this.value = createSecretKey(Buffer.from(row.value, 'base64'));
  }

  get secret(): KeyObject {
    if (!this.value) throw new Error('token secret not loaded');
    return this.value;
  }
}
