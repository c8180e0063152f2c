import { requireLinkInScope, requireStaffIn } from '../../auth/policy';
import { isRegionCode } from '../../db/region-scope';
import type { HubContext } from '../../graphql/context';
import { BadInputError } from '../../errors';
import { parseIntId } from '../../graphql/ids';
import { requireReference, type ReferenceKind } from '../../graphql/references';
import { inTransaction } from '../../graphql/transaction';
import { findOrFail, insertRow } from '../../db/rows';
import { LinkageCase, LinkageContribution, Society, SOCIETY_ENTITY } from './linkage-case.entity';
import { Need } from './need.entity';

export interface ContributionInput {
  society: Society;
  referenceId: string;
  description: string;
  hours: number;
}

/** What `referenceId` names for each society: a community's code or station, an organisation, a worker, … */
function contributionKind(society: Society, referenceId: string): ReferenceKind {
  return society === Society.COMMUNITY && isRegionCode(referenceId) ? 'Region' : SOCIETY_ENTITY[society];
}

/** Staff of the need's region record what one society brought to its linkage case. */
export async function addContribution(context: HubContext, caseId: string, input: ContributionInput) {
  if (!Number.isInteger(input.hours * 2) || input.hours < 0 || input.hours > 1000) {
    throw new BadInputError('时长按 0.5 小时计 (hours come in 0.5 steps, 0-1000)', { argument: 'hours' });
  }
  const referenceId = input.referenceId.trim();
  const contributor = await requireReference(context, contributionKind(input.society, referenceId), referenceId);
  return inTransaction(context, async (manager) => {
    const linkageCase = await findOrFail(manager, LinkageCase, parseIntId(caseId, 'caseId'), '联动案例');
    const need = await manager.getRepository(Need).findOneByOrFail({ id: linkageCase.needId });
    requireStaffIn(context.identity, need.communityId);
    requireLinkInScope(need.communityId, contributor.regionId, '参与方');
    return insertRow(manager, LinkageContribution, {
      caseId: linkageCase.id,
      society: input.society,
      referenceId,
      description: input.description.trim().slice(0, 255),
      halfHours: input.hours * 2,
    });
  });
}
