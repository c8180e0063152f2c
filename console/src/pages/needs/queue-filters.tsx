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

interface ChoiceProps<Value extends string> {
  label: string;
  all: string;
  labels: Record<string, string>;
  value: Value | undefined;
  onChange(value: Value | undefined): void;
  width: number;
}

/** One filter over a list of values; cleared, it shows `all`. */
function Choice<Value extends string>({ label, all, labels, value, onChange, width }: ChoiceProps<Value>) {
  return (
    <Select
      aria-label={label}
      placeholder={all}
      allowClear
      value={value}
      options={Object.entries(labels).map(([option, text]) => ({ value: option as Value, label: text }))}
      onChange={onChange}
      style={{ width }}
    />
  );
}

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
      <Choice
        label="需求类别"
        all="全部类别"
        labels={CATEGORY_LABEL}
        value={value.category}
        onChange={(category: ServiceCategory | undefined) => change({ category })}
        width={140}
      />
      <Choice
        label="紧急程度"
        all="全部紧急程度"
        labels={URGENCY_LABEL}
        value={value.urgency}
        onChange={(urgency: NeedUrgency | undefined) => change({ urgency })}
        width={140}
      />
      {communities.length > 0 && (
        <Choice
          label="所属社区"
          all={`${data?.region?.name ?? ''}全部`}
          labels={Object.fromEntries(communities.map((community) => [community.id, community.name]))}
          value={value.communityId}
          onChange={(communityId) => change({ communityId })}
          width={180}
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
