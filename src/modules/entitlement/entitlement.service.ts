import { forwardRef, Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import {
  type Role,
  ROLE_NAMES,
  isRole,
  requiresBankId,
  rolesByScope,
} from '../../common/auth/roles';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { ObpError } from '../../common/errors/obp-errors';
import { ObpException } from '../../common/errors/obp.exception';
import { isStorableText, isUuid } from '../../common/wire/ids';
import type { AuditActor } from '../audit/audit-actor';
import { AuditService } from '../audit/audit.service';
import { BankService } from '../bank/bank.service';
import { UserService } from '../user/user.service';
import type {
  CreateEntitlementJSON,
  EntitlementJsonV200,
  EntitlementRequestJson,
  EntitlementsJsonV310,
} from './dto/entitlement.dto';
import {
  SUPER_ADMIN_ENTRY,
  toEntitlementJson,
  toEntitlementRequestJson,
} from './entitlement.mapper';
import { DEFAULT_PAGING, type Paging, oldestFirst, pageFind } from '../../common/wire/paging';
import { EntitlementRequestEntity } from './entitlement-request.entity';
import { EntitlementEntity } from './entitlement.entity';

/** Oldest first, then by id; ix_entitlement_user_list, ix_entitlement_list (and for requests) serve it. */
const ORDER = oldestFirst<EntitlementEntity>();
const REQUEST_ORDER = oldestFirst<EntitlementRequestEntity>();

@Injectable()
export class EntitlementService {
  /** Super admins ([P §12]): SUPER_ADMIN_USER_IDS plus the bootstrap admin. */
  private readonly superAdmins = new Set<string>();

  constructor(
    @InjectRepository(EntitlementEntity)
    private readonly entitlements: Repository<EntitlementEntity>,
    @InjectRepository(EntitlementRequestEntity)
    private readonly requests: Repository<EntitlementRequestEntity>,
    @Inject(forwardRef(() => BankService)) private readonly banks: BankService,
    @Inject(forwardRef(() => UserService)) private readonly users: UserService,
    private readonly audit: AuditService,
    config: AppConfig,
  ) {
    for (const id of config.superAdminUserIds) this.superAdmins.add(id);
  }

  addSuperAdmin(userId: string): void {
    this.superAdmins.add(userId);
  }

  isSuperAdmin(userId: string): boolean {
    return this.superAdmins.has(userId);
  }

  /** Any-of: a bank role counts only at `bankId`, a system role only system-wide (bank_id ""). */
  async hasAnyRole(userId: string, roles: Role[], bankId: string | undefined): Promise<boolean> {
    const { systemRoles, bankRoles } = rolesByScope(roles, bankId);
    if (systemRoles.length === 0 && bankRoles.length === 0) return false;
    // one EXISTS on the (user, role, bank) unique index: this runs on every guarded request
    const rows: { ok: boolean }[] = await this.entitlements.query(
      `SELECT EXISTS (SELECT 1 FROM entitlement WHERE user_id = $1 AND (
         (role_name = ANY($2::text[]) AND bank_id = '') OR (role_name = ANY($3::text[]) AND bank_id = $4)
       )) AS ok`,
      [userId, systemRoles, bankRoles, bankId ?? ''],
    );
    return rows[0].ok;
  }

  /** A USER_ID that is no UUID has no rows (and would be a type error in SQL). */
  listForUser(userId: string, paging: Paging = DEFAULT_PAGING): Promise<EntitlementEntity[]> {
    if (!isUuid(userId)) return Promise.resolve([]);
    return this.entitlements.find(pageFind(ORDER, paging, { userId }));
  }

  listForUserAtBank(userId: string, bankId: string, paging: Paging): Promise<EntitlementEntity[]> {
    if (!isUuid(userId)) return Promise.resolve([]);
    return this.entitlements.find(pageFind(ORDER, paging, { userId, bankId }));
  }

  listAll(paging: Paging, roleName?: string): Promise<EntitlementEntity[]> {
    if (roleName !== undefined && !isStorableText(roleName)) return Promise.resolve([]);
    return this.entitlements.find(pageFind(ORDER, paging, roleName ? { roleName } : {}));
  }

  /** Role known (OBP-10007) and bank_id of the right kind (OBP-30205/30206). */
  private assertRoleAndBankKind(roleName: string, bankId: string): Role {
    if (!isRole(roleName)) {
      throw new ObpException(
        ObpError.IncorrectRoleName,
        `${roleName}. Possible roles are ${ROLE_NAMES.join(', ')}`,
      );
    }
    if (requiresBankId(roleName) && bankId === '')
      throw new ObpException(ObpError.EntitlementIsBankRole);
    if (!requiresBankId(roleName) && bankId !== '')
      throw new ObpException(ObpError.EntitlementIsSystemRole);
    return roleName;
  }

  /** POST /users/USER_ID/entitlements, checks 4–8 of [P §3.1]. */
  async grant(
    actor: AuditActor,
    grantorId: string,
    userId: string,
    body: CreateEntitlementJSON,
  ): Promise<EntitlementEntity> {
    const role = this.assertRoleAndBankKind(body.role_name, body.bank_id);
    const allowed =
      this.isSuperAdmin(grantorId) ||
      (await this.hasAnyRole(grantorId, ['CanCreateEntitlementAtAnyBank'], undefined)) ||
      (body.bank_id !== '' &&
        (await this.hasAnyRole(grantorId, ['CanCreateEntitlementAtOneBank'], body.bank_id)));
    if (!allowed) {
      throw new ObpException(
        ObpError.UserNotSuperAdmin,
        ` or${ObpError.UserHasMissingRoles.message}CanCreateEntitlementAtOneBank BankId(${body.bank_id}). or${ObpError.UserHasMissingRoles.message}CanCreateEntitlementAtAnyBank`,
        403,
      );
    }
    if (body.bank_id !== '' && !(await this.banks.exists(body.bank_id))) {
      throw new ObpException(ObpError.BankNotFound, '', 400);
    }
    try {
      return await this.entitlements.manager.transaction(async (tx) => {
        const entitlement = await tx.save(
          tx.create(EntitlementEntity, { userId, roleName: role, bankId: body.bank_id }),
        );
        await this.recordGrant(tx, actor, entitlement);
        return entitlement;
      });
    } catch (err) {
      if (isUniqueViolation(err, 'uq_entitlement_user_role_bank')) {
        throw new ObpException(ObpError.EntitlementAlreadyExists);
      }
      throw err;
    }
  }

  /**
   * Grants unless already held (bootstrap, createBank's automatic grants); safe under concurrency.
   * A grant made is audited in the same transaction (`tx`, or one of its own).
   */
  async ensure(
    actor: AuditActor,
    userId: string,
    role: Role,
    bankId: string,
    tx?: EntityManager,
  ): Promise<void> {
    const run = async (manager: EntityManager): Promise<void> => {
      const result = await manager
        .createQueryBuilder()
        .insert()
        .into(EntitlementEntity)
        .values({ userId, roleName: role, bankId })
        .orIgnore()
        .returning(['id'])
        .execute();
      const [made] = result.raw as { id: string }[];
      if (made) {
        await this.recordGrant(manager, actor, { id: made.id, userId, roleName: role, bankId });
      }
    };
    await (tx ? run(tx) : this.entitlements.manager.transaction(run));
  }

  private recordGrant(
    tx: EntityManager,
    actor: AuditActor,
    e: Pick<EntitlementEntity, 'id' | 'userId' | 'roleName' | 'bankId'>,
  ): Promise<void> {
    return this.audit.recordChange(tx, actor, {
      action: 'create',
      entityType: 'entitlement',
      entityId: e.id,
      bankId: e.bankId,
      customerId: null,
      changedFields: ['bank_id', 'role_name'],
      event: { type: 'entitlement.created', data: toEntitlementJson(e) },
    });
  }

  async delete(actor: AuditActor, userId: string, entitlementId: string): Promise<void> {
    const entitlement = isUuid(entitlementId)
      ? await this.entitlements.findOneBy({ id: entitlementId })
      : null;
    if (!entitlement) throw new ObpException(ObpError.EntitlementNotFound);
    if (entitlement.userId !== userId) throw new ObpException(ObpError.UserDoesNotHaveEntitlement);
    await this.entitlements.manager.transaction(async (tx) => {
      const result = await tx.delete(EntitlementEntity, { id: entitlementId, userId });
      if (!result.affected) throw new ObpException(ObpError.EntitlementCannotBeDeleted);
      await this.audit.recordChange(tx, actor, {
        action: 'delete',
        entityType: 'entitlement',
        entityId: entitlementId,
        bankId: entitlement.bankId,
        customerId: null,
        changedFields: [],
        event: { type: 'entitlement.deleted', data: toEntitlementJson(entitlement) },
      });
    });
  }

  // Entitlement requests ([P §3.4])

  async createRequest(
    userId: string,
    body: CreateEntitlementJSON,
  ): Promise<EntitlementRequestEntity> {
    if (body.bank_id !== '' && !(await this.banks.exists(body.bank_id))) {
      throw new ObpException(ObpError.BankNotFound, ` Current BankId is ${body.bank_id}`);
    }
    const role = this.assertRoleAndBankKind(body.role_name, body.bank_id);
    try {
      return await this.requests.save(
        this.requests.create({ userId, roleName: role, bankId: body.bank_id }),
      );
    } catch (err) {
      if (isUniqueViolation(err, 'uq_entitlement_request_user_role_bank')) {
        throw new ObpException(ObpError.EntitlementRequestAlreadyExists);
      }
      throw err;
    }
  }

  listRequests(paging: Paging, userId?: string): Promise<EntitlementRequestEntity[]> {
    if (userId !== undefined && !isUuid(userId)) return Promise.resolve([]);
    return this.requests.find(
      pageFind(REQUEST_ORDER, paging, userId !== undefined ? { userId } : {}),
    );
  }

  async deleteRequest(requestId: string): Promise<true> {
    const result = isUuid(requestId)
      ? await this.requests.delete({ id: requestId })
      : { affected: 0 };
    if (!result.affected) throw new ObpException(ObpError.EntitlementRequestNotFound);
    return true;
  }

  // JSON views

  /**
   * A user's entitlements; listings by USER_ID add the SuperAdmin pseudo-entry ([P §3.2]) after the
   * last row (on a page that reaches the end of the list).
   */
  async listJson(
    userId: string,
    paging: Paging,
    bankId?: string,
  ): Promise<{ list: EntitlementJsonV200[] }> {
    const rows =
      bankId === undefined
        ? await this.listForUser(userId, paging)
        : await this.listForUserAtBank(userId, bankId, paging);
    const list = rows.map(toEntitlementJson);
    if (this.isSuperAdmin(userId) && rows.length < paging.limit) list.push(SUPER_ADMIN_ENTRY);
    return { list };
  }

  async myJson(userId: string, paging: Paging): Promise<{ list: EntitlementJsonV200[] }> {
    return { list: (await this.listForUser(userId, paging)).map(toEntitlementJson) };
  }

  /** OBP v2.0.0's list of every entitlement: the entries only, no user fields. */
  async allJsonV200(paging: Paging): Promise<{ list: EntitlementJsonV200[] }> {
    return { list: (await this.listAll(paging)).map(toEntitlementJson) };
  }

  async allJson(paging: Paging, roleName?: string): Promise<EntitlementsJsonV310> {
    const rows = await this.listAll(paging, roleName);
    const users = await this.users.findByIds([...new Set(rows.map((r) => r.userId))]);
    const names = new Map(users.map((u) => [u.id, u.username]));
    return {
      list: rows.map((r) => ({
        ...toEntitlementJson(r),
        user_id: r.userId,
        username: names.get(r.userId) ?? '',
      })),
    };
  }

  async createRequestJson(
    userId: string,
    body: CreateEntitlementJSON,
  ): Promise<EntitlementRequestJson> {
    const request = await this.createRequest(userId, body);
    return toEntitlementRequestJson(
      request,
      await this.users.toJsonV200((await this.users.findById(userId))!),
    );
  }

  async requestsJson(
    paging: Paging,
    userId?: string,
  ): Promise<{ entitlement_requests: EntitlementRequestJson[] }> {
    const rows = await this.listRequests(paging, userId);
    const users = await this.users.findByIds([...new Set(rows.map((r) => r.userId))]);
    const byId = new Map(
      await Promise.all(users.map(async (u) => [u.id, await this.users.toJsonV200(u)] as const)),
    );
    return {
      entitlement_requests: rows.map((r) => toEntitlementRequestJson(r, byId.get(r.userId)!)),
    };
  }

  async grantJson(
    actor: AuditActor,
    grantorId: string,
    userId: string,
    body: CreateEntitlementJSON,
  ): Promise<EntitlementJsonV200> {
    return toEntitlementJson(await this.grant(actor, grantorId, userId, body));
  }

  rolesJson(): { roles: { role: string; requires_bank_id: boolean }[] } {
    return { roles: ROLE_NAMES.map((role) => ({ role, requires_bank_id: requiresBankId(role) })) };
  }
}
