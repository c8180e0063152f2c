import type { SelectProps } from 'antd';
import {
  RegistryNeedChoicesDocument,
  RegistryOrganizationChoicesDocument,
  RegistryProjectChoicesDocument,
  RegistryRegionChoicesDocument,
  RegistryStationChoicesDocument,
} from '../../generated/operations';
import { CATEGORY_LABEL, labelOf } from '../../ui/labels';
import { SearchSelect } from './search-select';

type ChoiceProps = Omit<SelectProps, 'options'> & { regionId?: string };

/** The account's region and the regions inside it, found by name. */
export function RegionSelect({ regionId, ...props }: ChoiceProps) {
  return (
    <SearchSelect
      query={RegistryRegionChoicesDocument}
      variables={(search) => ({ filter: { withinId: regionId, search } })}
      options={(data) => data.regions.nodes.map((region) => ({ value: region.id, label: region.name }))}
      {...props}
    />
  );
}

/** Organisations registered in `regionId`, found by name. */
export function OrganizationSelect({ regionId, ...props }: ChoiceProps) {
  return (
    <SearchSelect
      query={RegistryOrganizationChoicesDocument}
      variables={(search) => ({ filter: { regionId, search, status: 'ACTIVE' as const } })}
      options={(data) => data.organizations.nodes.map((o) => ({ value: o.id, label: o.name }))}
      {...props}
    />
  );
}

/** Service stations in `regionId`, found by name or address. */
export function StationSelect({ regionId, ...props }: ChoiceProps) {
  return (
    <SearchSelect
      query={RegistryStationChoicesDocument}
      variables={(search) => ({ filter: { regionId, search } })}
      options={(data) => data.serviceStations.nodes.map((s) => ({ value: s.id, label: s.name }))}
      {...props}
    />
  );
}

/** Needs of `regionId`, found by number or words of the description. */
export function NeedSelect({ regionId, ...props }: ChoiceProps) {
  return (
    <SearchSelect
      query={RegistryNeedChoicesDocument}
      variables={(search) => ({ filter: { regionId, search } })}
      options={(data) =>
        data.needs.nodes.map((need) => ({
          value: need.id,
          label: `${need.number} · ${labelOf(CATEGORY_LABEL, need.category)}`,
        }))
      }
      {...props}
    />
  );
}

/** Service projects of `regionId`, found by title. */
export function ProjectSelect({ regionId, ...props }: ChoiceProps) {
  return (
    <SearchSelect
      query={RegistryProjectChoicesDocument}
      variables={(search) => ({ filter: { regionId, search } })}
      options={(data) => data.serviceProjects.nodes.map((p) => ({ value: p.id, label: p.title }))}
      {...props}
    />
  );
}
