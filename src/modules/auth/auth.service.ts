import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Authenticator } from 'passport';
import { IsNull, Repository } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import type { ObpRequest } from '../../common/auth/principal';
import { ObpError } from '../../common/errors/obp-errors';
import { ObpException } from '../../common/errors/obp.exception';
import { DUMMY_HASH, verifyPassword } from '../../common/security/password-hash';
import { isUuid } from '../../common/wire/ids';
import { ConsumerService } from '../consumer/consumer.service';
import { isLocked, UserService } from '../user/user.service';
import { AuthTokenEntity } from './auth-token.entity';
import {
  assertDirectLoginValues,
  directLoginParamsForLogin,
  tokenFromHeaders,
} from './direct-login-header';
import { JWT_STRATEGY, JwtStrategy, type TokenClaims } from './jwt.strategy';
import { TokenSecretService } from './token-secret.service';

type Headers = Record<string, string | string[] | undefined>;

/** A DirectLogin token whose signature and expiry are good; its row is not read yet. */
export interface VerifiedToken {
  token: string;
  tokenId: string;
  userId: string;
}

@Injectable()
export class AuthService {
  /**
   * This app's own passport: the global one keeps a single strategy per name, so a second app in
   * the same process (tests, two instances) would verify our tokens with its secret.
   */
  private readonly passport = new Authenticator();

  constructor(
    @InjectRepository(AuthTokenEntity) private readonly tokens: Repository<AuthTokenEntity>,
    private readonly users: UserService,
    private readonly consumers: ConsumerService,
    private readonly jwt: JwtService,
    private readonly secrets: TokenSecretService,
    private readonly config: AppConfig,
    strategy: JwtStrategy,
  ) {
    this.passport.use(JWT_STRATEGY, strategy);
  }

  /** POST /my/logins/direct, in OBP's check order ([P §1.3]). */
  async directLogin(headers: Headers): Promise<{ token: string }> {
    const params = directLoginParamsForLogin(headers);
    const missing = (['username', 'password', 'consumer_key'] as const).filter(
      (k) => params[k] === undefined,
    );
    if (missing.length > 0)
      throw new ObpException(ObpError.DirectLoginMissingParameters, missing.join(', '));
    const { username, password, consumer_key } = params as Required<typeof params>;
    assertDirectLoginValues({ username, password, consumer_key });

    let consumerId: string | null = null;
    if (this.config.directLoginConsumerKeyMandatory) {
      const consumer = await this.consumers.findEnabledByKey(consumer_key);
      if (!consumer) throw new ObpException(ObpError.InvalidConsumerKey);
      consumerId = consumer.id;
    } else {
      consumerId = (await this.consumers.findEnabledByKey(consumer_key))?.id ?? null;
    }

    const user = await this.users.findByUsername(username);
    if (!user) {
      await verifyPassword(password, DUMMY_HASH); // same cost as a real check: timing tells nothing
      throw new ObpException(ObpError.InvalidLoginCredentials);
    }
    if (isLocked(user)) throw new ObpException(ObpError.UsernameHasBeenLocked);
    if (!(await verifyPassword(password, user.passwordHash)) || !user.validated) {
      await this.users.recordFailedLogin(user.id);
      throw new ObpException(ObpError.InvalidLoginCredentials);
    }
    await this.users.recordSuccessfulLogin(user);
    return { token: await this.issue(user.id, consumerId) };
  }

  /** Stores the token row and signs a JWT whose `jti` is its id; header `{"alg":"HS256"}` as OBP's. */
  async issue(userId: string, consumerId: string | null): Promise<string> {
    const ttl = this.config.tokenTtlSeconds;
    const row = await this.tokens.save(
      this.tokens.create({
        userId,
        consumerId,
        expiresAt: new Date(Date.now() + ttl * 1000),
        revokedAt: null,
      }),
    );
    return this.jwt.signAsync(
      { sub: userId, cid: consumerId },
      {
        secret: this.secrets.secret as unknown as Buffer, // a KeyObject, which jsonwebtoken accepts
        algorithm: 'HS256',
        header: { alg: 'HS256', typ: undefined },
        expiresIn: ttl,
        jwtid: row.id,
      },
    );
  }

  private verify(req: ObpRequest & { obpToken?: string }, token: string): Promise<TokenClaims> {
    req.obpToken = token;
    return new Promise((resolve, reject) => {
      const done = (err: unknown, claims: TokenClaims | false): void => {
        if (err || !claims) reject(new ObpException(ObpError.DirectLoginInvalidToken, token));
        else resolve(claims);
      };
      const authenticate = this.passport.authenticate(JWT_STRATEGY, { session: false }, done) as (
        req: unknown,
        res: unknown,
        next: unknown,
      ) => void;
      authenticate(req, {}, done);
    });
  }

  /**
   * The CPU half of the `login` check: the token from the headers, its HS256 signature, expiry and
   * claims. The database half (token row, user, lock) is read by the access module's one query.
   */
  async verifyToken(req: ObpRequest): Promise<VerifiedToken> {
    const token = tokenFromHeaders(req.headers);
    const claims = await this.verify(req, token);
    if (!isUuid(claims.jti ?? '') || !isUuid(claims.sub ?? '')) {
      throw new ObpException(ObpError.DirectLoginInvalidToken, token);
    }
    return { token, tokenId: claims.jti, userId: claims.sub };
  }

  /** Logout: the token stops working at once, on every instance. */
  async revoke(tokenId: string): Promise<void> {
    await this.tokens.update({ id: tokenId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
