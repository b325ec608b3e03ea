/**
 * The framework's share (issue #11 item 2): the KYC status read as a bare Nest 11 app — a global
 * guard doing the access query, a controller doing the list query, named prepared statements on a
 * pg pool of 10 — on Express or on Fastify (`FRAMEWORK=express|fastify`). Built into dist/ with the
 * server and started by `npm run bench` beside the real server and the raw baseline.
 */
import 'reflect-metadata';
import {
  type CanActivate,
  Controller,
  type ExecutionContext,
  Get,
  Injectable,
  Module,
  Param,
} from '@nestjs/common';
import { APP_GUARD, NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import jwt from 'jsonwebtoken';
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const secret = process.env.JWT_SECRET ?? '';

const ACCESS =
  'SELECT t.user_id, EXISTS (SELECT 1 FROM entitlement e WHERE e.user_id = t.user_id AND e.role_name = $3::text' +
  " AND e.bank_id = '') AS has_role, EXISTS (SELECT 1 FROM customer c WHERE c.id = $4::uuid) AS customer" +
  ' FROM auth_token t JOIN app_user u ON u.id = t.user_id WHERE t.id = $1::uuid AND t.user_id = $2::uuid' +
  ' AND t.revoked_at IS NULL AND NOT u.locked';

@Injectable()
class Guard implements CanActivate {
  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getHandler().name === 'ready') return true;
    const req = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string>; params: Record<string, string> }>();
    const auth = req.headers.authorization ?? '';
    const claims = jwt.verify(auth.slice(7), secret, { algorithms: ['HS256'] }) as jwt.JwtPayload;
    const { rows } = await pool.query<{ has_role: boolean; customer: boolean }>({
      name: 'framework_access',
      text: ACCESS,
      values: [claims.jti, claims.sub, 'CanGetAnyKycStatuses', req.params.CUSTOMER_ID],
    });
    return rows[0]?.has_role === true && rows[0].customer; // false: Nest's 403
  }
}

@Controller()
class StatusController {
  @Get('/obp/v3.1.0/customers/:CUSTOMER_ID/kyc_statuses')
  async list(@Param('CUSTOMER_ID') customerId: string): Promise<unknown> {
    const { rows } = await pool.query<{
      customer_id: string;
      customer_number: string;
      ok: boolean;
      date: Date;
    }>({
      name: 'framework_statuses',
      text: 'SELECT customer_id, customer_number, ok, date FROM kyc_status WHERE customer_id = $1 ORDER BY created_at DESC, seq DESC',
      values: [customerId],
    });
    return {
      statuses: rows.map((r) => ({
        customer_id: r.customer_id,
        customer_number: r.customer_number,
        ok: r.ok,
        date: r.date.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      })),
    };
  }

  @Get('/health/ready')
  ready(): { status: string } {
    return { status: 'ok' };
  }
}

@Module({ controllers: [StatusController], providers: [{ provide: APP_GUARD, useClass: Guard }] })
class FrameworkModule {}

async function main(): Promise<void> {
  const app =
    process.env.FRAMEWORK === 'fastify'
      ? await NestFactory.create(FrameworkModule, new FastifyAdapter(), { logger: false })
      : await NestFactory.create(FrameworkModule, { logger: false });
  await app.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
  process.on(
    'SIGTERM',
    () =>
      void app
        .close()
        .then(() => pool.end())
        .then(() => process.exit(0)),
  );
}

void main();
