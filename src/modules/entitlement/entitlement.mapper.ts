import { toObpDate } from '../../common/wire/obp-date';
import type { UserJsonV200 } from '../user/dto/user.dto';
import type { EntitlementJsonV200, EntitlementRequestJson } from './dto/entitlement.dto';
import type { EntitlementRequestEntity } from './entitlement-request.entity';
import type { EntitlementEntity } from './entitlement.entity';

export const toEntitlementJson = (
  e: Pick<EntitlementEntity, 'id' | 'roleName' | 'bankId'>,
): EntitlementJsonV200 => ({
  entitlement_id: e.id,
  role_name: e.roleName,
  bank_id: e.bankId,
});

/** The pseudo-entry OBP lists for a super admin ([P §3.2]). */
export const SUPER_ADMIN_ENTRY: EntitlementJsonV200 = {
  entitlement_id: '',
  role_name: 'SuperAdmin',
  bank_id: '',
};

export const toEntitlementRequestJson = (
  r: EntitlementRequestEntity,
  user: UserJsonV200,
): EntitlementRequestJson => ({
  entitlement_request_id: r.id,
  user,
  role_name: r.roleName,
  bank_id: r.bankId,
  created: toObpDate(r.createdAt),
});
