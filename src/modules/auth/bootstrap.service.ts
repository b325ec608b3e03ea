import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { SERVER_ACTOR } from '../audit/audit-actor';
import { ConsumerService } from '../consumer/consumer.service';
import { EntitlementService } from '../entitlement/entitlement.service';
import { UserService } from '../user/user.service';

/**
 * At every start ([P §12], server contract): the configured consumer exists, and the configured
 * admin exists, is validated, is a super admin and holds CanCreateEntitlementAtAnyBank. Idempotent.
 */
@Injectable()
export class BootstrapService implements OnApplicationBootstrap {
  constructor(
    private readonly config: AppConfig,
    private readonly consumers: ConsumerService,
    private readonly users: UserService,
    private readonly entitlements: EntitlementService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.ensureConfigured();
    const { adminUsername, adminPassword } = this.config;
    if (adminUsername && adminPassword) {
      const admin = await this.users.ensureUser(adminUsername, adminPassword);
      this.entitlements.addSuperAdmin(admin.id);
      await this.entitlements.ensure(SERVER_ACTOR, admin.id, 'CanCreateEntitlementAtAnyBank', '');
    }
  }
}
