import { Select } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useQuery } from 'urql';
import { AdminOrganizationOptionsDocument, AdminRegionOptionsDocument } from '../../generated/operations';
import { READABLE_PLACEHOLDER } from '../../ui/hint';

export interface Option {
  value: string;
  label: string;
}

interface PickerProps {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  /** The label of the current value, which the first page of options may not hold (an account being edited). */
  current?: Option;
  id?: string;
  'aria-label'?: string;
  placeholder?: string;
}

/** A select that asks the hub as the user types (names of regions or organisations, not the whole list). */
function SearchSelect({
  options,
  loading,
  onSearch,
  current,
  value,
  onChange,
  ...rest
}: PickerProps & { options: Option[]; loading: boolean; onSearch: (text: string) => void }) {
  const known = current && !options.some((option) => option.value === current.value) ? [current, ...options] : options;
  return (
    <Select
      {...rest}
      showSearch={{ filterOption: false, onSearch }}
      allowClear
      styles={READABLE_PLACEHOLDER}
      value={value ?? undefined}
      onChange={(next: string | undefined) => onChange?.(next)}
      options={known}
      loading={loading}
      notFoundContent={loading ? '正在查找…' : '没有找到,请换个名称'}
      style={{ width: '100%', minWidth: 180 }}
    />
  );
}

/** A region (city, county, township or community) by name, shown with its parent so that two 新村 differ. */
export function RegionSelect(props: PickerProps) {
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search.trim());
  const [{ data, fetching }] = useQuery({
    query: AdminRegionOptionsDocument,
    variables: { search: deferred || undefined },
  });
  const options = (data?.regions.nodes ?? []).map((region) => ({
    value: region.id,
    label: region.parent ? `${region.name}(${region.parent.name})` : region.name,
  }));
  return (
    <SearchSelect placeholder="输入区域名称查找" {...props} options={options} loading={fetching} onSearch={setSearch} />
  );
}

/** A registered social organisation by name. */
export function OrganizationSelect(props: PickerProps) {
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search.trim());
  const [{ data, fetching }] = useQuery({
    query: AdminOrganizationOptionsDocument,
    variables: { search: deferred || undefined },
  });
  const options = (data?.organizations.nodes ?? []).map((organization) => ({
    value: organization.id,
    label: organization.name,
  }));
  return (
    <SearchSelect placeholder="输入组织名称查找" {...props} options={options} loading={fetching} onSearch={setSearch} />
  );
}
