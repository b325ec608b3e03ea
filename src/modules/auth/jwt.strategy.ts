import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-jwt';
import { TokenSecretService } from './token-secret.service';

export const JWT_STRATEGY = 'obp-jwt';

/** Claims of our DirectLogin tokens. */
export interface TokenClaims {
  sub: string;
  cid: string | null;
  jti: string;
  exp: number;
  iat: number;
}

/**
 * passport-jwt: HS256 with our key only (`alg: none`, RS256, bad signatures and expired tokens all
 * fail). The token was already taken from the headers by AuthService (`req.obpToken`).
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, JWT_STRATEGY) {
  constructor(secrets: TokenSecretService) {
    super({
      jwtFromRequest: (req: { obpToken?: string }) => req.obpToken ?? null,
      secretOrKeyProvider: (
        _req: unknown,
        _raw: unknown,
        done: (err: unknown, key?: Buffer) => void,
        // jsonwebtoken accepts a KeyObject; the typings only know string | Buffer
      ) => done(null, secrets.secret as unknown as Buffer),
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  validate(claims: TokenClaims): TokenClaims {
    return claims;
  }
}
