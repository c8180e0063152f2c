import { Input, Select, Space, Switch, Typography } from 'antd';
import { useQuery } from 'urql';
import { NeedRegionChildrenDocument, type NeedUrgency, type ServiceCategory } from '../../generated/operations';
import { CATEGORY_LABEL, URGENCY_LABEL } from '../../ui/labels';

export interface QueueFilters {
  category?: ServiceCategory;
  urgency?: NeedUrgency;
  communityId?: string;
  overdue: boolean;
  search: string;
}

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

interface Props {
  regionId: string | null | undefined;
  value: QueueFilters;
  onChange(next: QueueFilters): void;
}

/** Category, urgency, a community of the account's region, overdue only, and search by number or description. */
export function QueueFilterBar({ regionId, value, onChange }: Props) {
  const [{ data }] = useQuery({
    query: NeedRegionChildrenDocument,
    variables: { id: regionId ?? '' },
    pause: !regionId,
  });
  const communities = data?.region?.children ?? [];
  const change = (patch: Partial<QueueFilters>) => onChange({ ...value, ...patch });
  return (
    <Space wrap size={[12, 8]} style={{ marginBottom: 12 }}>
      <Input.Search
        aria-label="搜索需求编号或描述"
        placeholder="需求编号或描述"
        allowClear
        defaultValue={value.search}
        onSearch={(search) => change({ search: search.trim() })}
        style={{ width: 240 }}
      />
      <Select
        aria-label="需求类别"
        placeholder="全部类别"
        allowClear
        value={value.category}
        options={options(CATEGORY_LABEL)}
        onChange={(category?: ServiceCategory) => change({ category })}
        style={{ width: 140 }}
      />
      <Select
        aria-label="紧急程度"
        placeholder="全部紧急程度"
        allowClear
        value={value.urgency}
        options={options(URGENCY_LABEL)}
        onChange={(urgency?: NeedUrgency) => change({ urgency })}
        style={{ width: 140 }}
      />
      {communities.length > 0 && (
        <Select
          aria-label="所属社区"
          placeholder={`${data?.region?.name ?? ''}全部`}
          allowClear
          value={value.communityId}
          options={communities.map((community) => ({ value: community.id, label: community.name }))}
          onChange={(communityId?: string) => change({ communityId })}
          style={{ width: 180 }}
        />
      )}
      <Space>
        <Switch
          id="needs-overdue-only"
          aria-label="只看超期"
          checked={value.overdue}
          onChange={(overdue) => change({ overdue })}
        />
        <Typography.Text>只看超期</Typography.Text>
      </Space>
    </Space>
  );
}
