import { forwardRef, Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { ObpError } from '../../common/errors/obp-errors';
import { ObpException } from '../../common/errors/obp.exception';
import { hashPassword } from '../../common/security/password-hash';
import { isStorableText, isUuid } from '../../common/wire/ids';
import { type AuditActor, SERVER_ACTOR } from '../audit/audit-actor';
import { AuditService } from '../audit/audit.service';
import { EntitlementService } from '../entitlement/entitlement.service';
import { toEntitlementJson } from '../entitlement/entitlement.mapper';
import type { CreateUserJson, UserJsonV200, UserJsonV300 } from './dto/user.dto';
import { UserEntity } from './user.entity';
import { type Paging, oldestFirst, pageFind } from '../../common/wire/paging';

/** ASCII punctuation except `[` and `]` (OBP's regex side effect, [P §1.3]). */
const PUNCT = `!"#$%&'()*+,\\-./:;<=>?@\\\\^_\`{|}~`;
const STRONG_SHORT = new RegExp(
  `^(?=.*\\d)(?=.*[a-z])(?=.*[A-Z])(?=.*[${PUNCT}])[A-Za-z0-9${PUNCT}]{10,16}$`,
);
const LONG = new RegExp(`^[A-Za-z0-9 ${PUNCT}]{17,512}$`);
const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/** OBP's fullPasswordValidation ([P §2.1]). */
export const isValidPassword = (p: string): boolean => STRONG_SHORT.test(p) || LONG.test(p);

/** A W3C-style address that fits OBP's 48-character email column ([P §2.1]). */
export const isValidEmail = (e: string): boolean => e.length <= 48 && EMAIL.test(e);

/** An e-mail address, or 8–100 of `a-z A-Z 0-9 . _` with no leading/trailing/doubled separators. */
export const isValidUsername = (u: string): boolean =>
  (u.length <= 100 && EMAIL.test(u)) ||
  (/^[A-Za-z0-9._]{8,100}$/.test(u) && !/^[._]|[._]$/.test(u) && !/(__|\._|_\.|\.\.)/.test(u));

/** Oldest first, then by id; ix_app_user_list (and ix_app_user_email_list) serve it. */
const USER_ORDER = oldestFirst<UserEntity>();

@Injectable()
export class UserService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly config: AppConfig,
    @Inject(forwardRef(() => EntitlementService)) private readonly entitlements: EntitlementService,
    private readonly audit: AuditService,
  ) {}

  /** A user change's audit event (users have no outbox event type): field names, never values. */
  private recordUserChange(
    tx: EntityManager,
    actor: AuditActor,
    action: 'create' | 'update',
    userId: string,
    changedFields: string[],
  ): Promise<void> {
    return this.audit.recordChange(tx, actor, {
      action,
      entityType: 'user',
      entityId: userId,
      bankId: '',
      customerId: null,
      changedFields,
    });
  }

  /** UserJsonV200 with the user's entitlements ([P §2.1]). */
  async toJsonV200(user: UserEntity): Promise<UserJsonV200> {
    const list = (await this.entitlements.listForUser(user.id)).map(toEntitlementJson);
    return {
      user_id: user.id,
      email: user.email,
      provider_id: user.username,
      provider: user.provider,
      username: user.username,
      entitlements: { list },
    };
  }

  async toJsonV300(user: UserEntity): Promise<UserJsonV300> {
    return { ...(await this.toJsonV200(user)), views: { list: [] } };
  }

  async toJsonList(users: UserEntity[]): Promise<{ users: UserJsonV200[] }> {
    return { users: await Promise.all(users.map((u) => this.toJsonV200(u))) };
  }

  async createJson(actor: AuditActor, body: CreateUserJson): Promise<UserJsonV200> {
    return this.toJsonV200(await this.create(actor, body));
  }

  async currentJson(userId: string): Promise<UserJsonV300> {
    return this.toJsonV300(await this.getById(userId));
  }

  async byIdJson(userId: string): Promise<UserJsonV200> {
    return this.toJsonV200(await this.getById(userId));
  }

  async byUsernameJson(username: string): Promise<UserJsonV200> {
    return this.toJsonV200(await this.getByUsername(username));
  }

  async byEmailJson(email: string, paging: Paging): Promise<{ users: UserJsonV200[] }> {
    return this.toJsonList(await this.findByEmail(email, paging));
  }

  async allJson(paging: Paging): Promise<{ users: UserJsonV200[] }> {
    return this.toJsonList(await this.users.find(pageFind(USER_ORDER, paging, {})));
  }

  async create(
    actor: AuditActor,
    body: CreateUserJson,
    validated = this.config.userAccountValidated,
  ): Promise<UserEntity> {
    if (!isValidPassword(body.password)) throw new ObpException(ObpError.InvalidPasswordFormat);
    const problems: string[] = [];
    if (!isValidUsername(body.username)) {
      problems.push(
        'Invalid Username: use an e-mail address or 8 to 100 characters of a-z, A-Z, 0-9, . and _ (not at the start or end, not doubled)',
      );
    }
    if (!isValidEmail(body.email)) problems.push('Invalid email address');
    if (body.first_name.trim() === '') problems.push('First name must not be blank');
    if (body.last_name.trim() === '') problems.push('Last name must not be blank');
    if (problems.length > 0) throw new ObpException(ObpError.InvalidUserField, problems.join('; '));
    // hashed before the transaction: scrypt takes a while, a transaction should not wait for it
    const passwordHash = await hashPassword(body.password);
    try {
      return await this.users.manager.transaction(async (tx) => {
        const user = await tx.save(
          tx.create(UserEntity, {
            username: body.username,
            email: body.email,
            firstName: body.first_name,
            lastName: body.last_name,
            passwordHash,
            provider: this.config.hostname,
            validated,
          }),
        );
        await this.recordUserChange(tx, actor, 'create', user.id, [
          'email',
          'username',
          'password',
          'first_name',
          'last_name',
        ]);
        return user;
      });
    } catch (err) {
      if (isUniqueViolation(err, 'uq_app_user_username'))
        throw new ObpException(ObpError.UserAlreadyExists);
      throw err;
    }
  }

  async exists(userId: string): Promise<boolean> {
    return isUuid(userId) && (await this.users.existsBy({ id: userId }));
  }

  findById(userId: string): Promise<UserEntity | null> {
    return isUuid(userId) ? this.users.findOneBy({ id: userId }) : Promise.resolve(null);
  }

  async getById(userId: string): Promise<UserEntity> {
    const user = await this.findById(userId);
    if (!user)
      throw new ObpException(ObpError.UserNotFoundByUserId, ` Current UserId(${userId})`, 400);
    return user;
  }

  findByUsername(username: string): Promise<UserEntity | null> {
    return isStorableText(username) ? this.users.findOneBy({ username }) : Promise.resolve(null);
  }

  async getByUsername(username: string): Promise<UserEntity> {
    const user = await this.findByUsername(username);
    if (!user) throw new ObpException(ObpError.UserNotFoundByProviderAndUsername);
    return user;
  }

  findByEmail(email: string, paging: Paging): Promise<UserEntity[]> {
    if (!isStorableText(email)) return Promise.resolve([]);
    return this.users.find(pageFind(USER_ORDER, paging, { email }));
  }

  findByIds(ids: string[]): Promise<UserEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.users.createQueryBuilder('u').where('u.id IN (:...ids)', { ids }).getMany();
  }

  /** Counts a failed login atomically; returns nothing (the caller answers OBP-20004). */
  async recordFailedLogin(userId: string): Promise<void> {
    await this.users.increment({ id: userId }, 'badLoginAttempts', 1);
  }

  async recordSuccessfulLogin(user: UserEntity): Promise<void> {
    if (user.badLoginAttempts !== 0)
      await this.users.update({ id: user.id }, { badLoginAttempts: 0 });
  }

  /** Lock, or unlock (which also resets the failed-login count); audited in the same transaction. */
  async setLocked(actor: AuditActor, username: string, locked: boolean): Promise<UserEntity> {
    const user = await this.getByUsername(username);
    await this.users.manager.transaction(async (tx) => {
      await tx.update(
        UserEntity,
        { id: user.id },
        locked ? { locked: true } : { locked: false, badLoginAttempts: 0 },
      );
      await this.recordUserChange(
        tx,
        actor,
        'update',
        user.id,
        locked ? ['locked'] : ['locked', 'bad_attempts_since_last_success_or_reset'],
      );
    });
    return this.getByUsername(username);
  }

  /** Makes sure the bootstrap admin exists, is validated and has this password (idempotent). */
  async ensureUser(username: string, password: string): Promise<UserEntity> {
    const existing = await this.findByUsername(username);
    const passwordHash = await hashPassword(password);
    if (existing) {
      await this.users.manager.transaction(async (tx) => {
        await tx.update(
          UserEntity,
          { id: existing.id },
          { passwordHash, validated: true, locked: false, badLoginAttempts: 0 },
        );
        await this.recordUserChange(tx, SERVER_ACTOR, 'update', existing.id, [
          'password',
          'validated',
          'locked',
          'bad_attempts_since_last_success_or_reset',
        ]);
      });
      return (await this.findById(existing.id))!;
    }
    try {
      return await this.users.manager.transaction(async (tx) => {
        const user = await tx.save(
          tx.create(UserEntity, {
            username,
            email: isValidEmail(username) ? username : `${username}@localhost`,
            firstName: username,
            lastName: 'Admin',
            passwordHash,
            provider: this.config.hostname,
            validated: true,
          }),
        );
        await this.recordUserChange(tx, SERVER_ACTOR, 'create', user.id, [
          'email',
          'username',
          'password',
          'first_name',
          'last_name',
        ]);
        return user;
      });
    } catch (err) {
      // another instance created it at the same moment
      if (isUniqueViolation(err, 'uq_app_user_username'))
        return this.ensureUser(username, password);
      throw err;
    }
  }
}

/** Failed logins beyond this lock the account ([P §1.3]: locked once the count passes 5). */
export const MAX_BAD_LOGIN_ATTEMPTS = 5;

export const isLocked = (user: Pick<UserEntity, 'locked' | 'badLoginAttempts'>): boolean =>
  user.locked || user.badLoginAttempts > MAX_BAD_LOGIN_ATTEMPTS;
