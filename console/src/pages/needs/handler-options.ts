import type { NeedDetailQuery, Society } from '../../generated/operations';

export type DetailNeed = NonNullable<NeedDetailQuery['need']>;

export interface HandlerOption {
  value: string;
  label: string;
}

/** Each id once, in the order of the candidates (best first). */
function distinct(options: (HandlerOption | null | undefined)[]): HandlerOption[] {
  const seen = new Set<string>();
  return options.filter((option): option is HandlerOption => {
    if (!option || seen.has(option.value)) return false;
    seen.add(option.value);
    return true;
  });
}

/**
 * Who can stand for `society` on this need, picked from its candidates: a station for the community (and, for a
 * contribution, the community itself by its code), the organisations behind the candidate services and social
 * workers, the social workers, the teams of the candidate volunteers, the charity resources.
 */
export function handlerOptions(need: DetailNeed, society: Society, forContribution: boolean): HandlerOption[] {
  switch (society) {
    case 'COMMUNITY':
      return distinct([
        ...need.candidateStations.map(({ station }) => ({ value: station.id, label: station.name })),
        forContribution && need.community ? { value: need.community.id, label: `${need.community.name}(社区)` } : null,
      ]);
    case 'ORGANIZATION':
      return distinct([
        ...need.candidateServices.map(({ service }) => ({ value: service.provider.id, label: service.provider.name })),
        ...need.candidateSocialWorkers.map(({ socialWorker: { organization } }) =>
          organization ? { value: organization.id, label: organization.name } : null,
        ),
      ]);
    case 'SOCIAL_WORKER':
      return distinct(
        need.candidateSocialWorkers.map(({ socialWorker }) => ({ value: socialWorker.id, label: socialWorker.name })),
      );
    case 'VOLUNTEER':
      return distinct(
        need.candidateVolunteers.map(({ volunteer: { team } }) => (team ? { value: team.id, label: team.name } : null)),
      );
    case 'CHARITY':
      return distinct(need.candidateResources.map(({ resource }) => ({ value: resource.id, label: resource.name })));
  }
}
