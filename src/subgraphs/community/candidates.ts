import { subtreeBounds } from '../../db/region-scope';
import { needCandidates } from '../../federation/need-candidates';
import { part, proximity } from '../../graphql/scoring';
import { ServiceCategory } from '../../graphql/service-category';
import { ServiceStation, StationKind } from './station.entity';

/** Station kinds made for a category; social-work stations and rooms and party-mass centres serve all. */
const SPECIALISED: Partial<Record<ServiceCategory, StationKind>> = {
  ELDERLY_CARE: StationKind.ELDERLY_STATION,
  CHILD_CARE: StationKind.CHILDREN_STATION,
  EDUCATION: StationKind.CHILDREN_STATION,
};
const GENERAL = [StationKind.SOCIAL_WORK_ROOM, StationKind.SOCIAL_WORK_STATION, StationKind.PARTY_MASS_CENTER];

/** A station serves a category if it is made for it or serves everyone. */
export function stationFitsCategory(kind: StationKind, category: ServiceCategory): boolean {
  return SPECIALISED[category] === kind || GENERAL.includes(kind);
}

/** Stations in the need's township that fit its category; one statement per batch. */
export const { NeedStub: CommunityNeed, NeedCandidatesResolver: CommunityNeedResolver } = needCandidates(
  ServiceStation,
  {
    candidate: {
      name: 'StationCandidate',
      field: 'station',
      description: 'a station where a need could be served, with why',
    },
    needField: {
      name: 'candidateStations',
      description: 'stations nearby where this need could be served, best first',
    },
    load: async (context, needs) => {
      const townships = [...new Set(needs.map((n) => `${n.communityId.slice(0, 9)}000`))];
      const query = context.dataSource.getRepository(ServiceStation).createQueryBuilder('s');
      townships.forEach((township, i) => {
        const [low, high] = subtreeBounds(township);
        query.orWhere(`s.regionId BETWEEN :low${i} AND :high${i}`, { [`low${i}`]: low, [`high${i}`]: high });
      });
      const stations = await query.getMany();
      return (need) =>
        stations
          .filter((s) => s.regionId.slice(0, 9) === need.communityId.slice(0, 9))
          .filter((s) => stationFitsCategory(s.kind, need.category))
          .map((station) => {
            const near = proximity(station.regionId, need.communityId);
            const specialised = SPECIALISED[need.category] === station.kind;
            return {
              item: station,
              parts: [
                part('proximity', 0.6, near.value, near.note),
                part('fit', 0.4, specialised ? 1 : 0.5, specialised ? '专门服务此类需求' : '综合服务阵地'),
              ],
            };
          });
    },
  },
);
