import { createSecretKey, type KeyObject } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { ServerSecretService } from './server-secret.service';

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
    private readonly secrets: ServerSecretService,
    private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.config.jwtSecret) {
      this.value = createSecretKey(Buffer.from(this.config.jwtSecret, 'utf8'));
      return;
    }
    this.value = createSecretKey(await this.secrets.generatedOnce(NAME, 48));
  }

  get secret(): KeyObject {
    if (!this.value) throw new Error('token secret not loaded');
    return this.value;
  }
}
