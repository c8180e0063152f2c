import type { HandlerAccountFieldsFragment, NeedDetailQuery, Society } from '../../generated/operations';
import { onOneBranch } from '../../ui/regions';

export type DetailNeed = NonNullable<NeedDetailQuery['need']>;

/** Who a need can be assigned to: one of the societies, or a STAFF account (工作人员). */
export type HandlerKind = Society | 'STAFF';

export interface HandlerOption {
  value: string;
  label: string;
}

/** A STAFF account by name, with where it works and its sign-in name to tell namesakes apart. */
export const accountLabel = (account: HandlerAccountFieldsFragment) =>
  `${account.displayName}(${account.region.name} ${account.username})`;

interface Linkable {
  id: string;
  name: string;
  regionId: string | null | undefined;
}

/**
 * Each id once, in the order of the candidates (best first), and only those the hub lets the need be linked to:
 * candidates are ranked over a wider area than the need's own branch of regions.
 */
function linkable(need: DetailNeed, candidates: (Linkable | null | undefined)[]): HandlerOption[] {
  const seen = new Set<string>();
  const options: HandlerOption[] = [];
  for (const candidate of candidates) {
    if (!candidate || seen.has(candidate.id)) continue;
    if (candidate.regionId && !onOneBranch(need.communityId, candidate.regionId)) continue;
    seen.add(candidate.id);
    options.push({ value: candidate.id, label: candidate.name });
  }
  return options;
}

const withRegion = <T extends { id: string; name: string; region: { id: string } | null }>(record: T | null) =>
  record && { id: record.id, name: record.name, regionId: record.region?.id };

/**
 * Who can stand for `society` on this need, picked from its candidates: a station for the community (and, for a
 * contribution, the community itself by its code), the organisations behind the candidate services and social
 * workers, the social workers, the teams of the candidate volunteers, the charity resources.
 */
export function handlerOptions(need: DetailNeed, society: Society, forContribution: boolean): HandlerOption[] {
  switch (society) {
    case 'COMMUNITY':
      return linkable(need, [
        ...need.candidateStations.map(({ station }) => station),
        forContribution && need.community
          ? { id: need.community.id, name: `${need.community.name}(社区)`, regionId: need.community.id }
          : null,
      ]);
    case 'ORGANIZATION':
      return linkable(need, [
        ...need.candidateServices.map(({ service }) => withRegion(service.provider)),
        ...need.candidateSocialWorkers.map(({ socialWorker }) => withRegion(socialWorker.organization)),
      ]);
    case 'SOCIAL_WORKER':
      return linkable(
        need,
        need.candidateSocialWorkers.map(({ socialWorker }) => withRegion(socialWorker)),
      );
    case 'VOLUNTEER':
      return linkable(
        need,
        need.candidateVolunteers.map(({ volunteer }) => withRegion(volunteer.team)),
      );
    case 'CHARITY':
      return linkable(
        need,
        need.candidateResources.map(({ resource }) => withRegion(resource)),
      );
  }
}
