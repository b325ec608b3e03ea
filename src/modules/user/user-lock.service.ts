import { Injectable } from '@nestjs/common';
import { toObpDate } from '../../common/wire/obp-date';
import type { AuditActor } from '../audit/audit-actor';
import type { BadLoginStatusJson, UserLockStatusJson } from './dto/user.dto';
import type { UserEntity } from './user.entity';
import { UserService } from './user.service';

const toStatus = (u: UserEntity): BadLoginStatusJson => ({
  username: u.username,
  bad_attempts_since_last_success_or_reset: u.badLoginAttempts,
  last_failure_date: toObpDate(u.updatedAt),
});

/** OBP's lock made by POST /users/USERNAME/locks (UserLocksProvider.lockUser). */
const toLockStatus = (u: UserEntity): UserLockStatusJson => ({
  user_id: u.id,
  type_of_lock: 'lock_via_api',
  last_lock_date: toObpDate(u.updatedAt),
});

/** The lock-status endpoints ([P §1.3]). */
@Injectable()
export class UserLockService {
  static readonly example: BadLoginStatusJson = {
    username: 'felixsmith',
    bad_attempts_since_last_success_or_reset: 0,
    last_failure_date: '2024-10-01T10:00:00Z',
  };

  static readonly lockExample: UserLockStatusJson = {
    user_id: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1',
    type_of_lock: 'lock_via_api',
    last_lock_date: '2024-10-01T10:00:00Z',
  };

  constructor(private readonly users: UserService) {}

  async status(username: string): Promise<BadLoginStatusJson> {
    return toStatus(await this.users.getByUsername(username));
  }

  async unlock(actor: AuditActor, username: string): Promise<BadLoginStatusJson> {
    return toStatus(await this.users.setLocked(actor, username, false));
  }

  async lock(actor: AuditActor, username: string): Promise<UserLockStatusJson> {
    return toLockStatus(await this.users.setLocked(actor, username, true));
  }
}
