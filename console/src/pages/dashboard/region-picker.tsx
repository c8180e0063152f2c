import { App, Cascader, Flex, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useClient } from 'urql';
import { DashboardRegionChildrenDocument } from '../../generated/operations';
import { errorText } from '../../ui/errors';

interface RegionOption {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: RegionOption[];
}

interface RegionPickerProps {
  /** The account's own region: the picker offers only what lies below it. */
  rootId: string;
  rootName: string;
  onChange(regionId: string): void;
}

/** Drills down from the account's region to a county, 街道/乡镇 or 社区, loading each level when it is opened. */
export function RegionPicker({ rootId, rootName, onChange }: RegionPickerProps) {
  const client = useClient();
  const { message } = App.useApp();
  const [options, setOptions] = useState<RegionOption[]>([]);

  const childrenOf = useCallback(
    async (id: string): Promise<RegionOption[]> => {
      const result = await client.query(DashboardRegionChildrenDocument, { id }).toPromise();
      if (result.error) message.error(errorText(result.error));
      return (result.data?.region?.children ?? []).map((child) => ({
        value: child.id,
        label: child.name,
        isLeaf: child.level === 'COMMUNITY',
      }));
    },
    [client, message],
  );

  useEffect(() => {
    let current = true;
    void childrenOf(rootId).then((children) => current && setOptions(children));
    return () => {
      current = false;
    };
  }, [childrenOf, rootId]);

  const loadData = async (path: RegionOption[]) => {
    const target = path[path.length - 1];
    target.children = await childrenOf(target.value);
    setOptions((previous) => [...previous]);
  };

  return (
    <Flex align="center" gap={8} wrap>
      <Typography.Text>
        <label htmlFor="dashboard-region">查看区域</label>
      </Typography.Text>
      <Cascader<RegionOption>
        id="dashboard-region"
        style={{ width: 280, maxWidth: '100%' }}
        placeholder={`${rootName}(全部)`}
        options={options}
        loadData={loadData}
        changeOnSelect
        allowClear
        onChange={(path) => onChange(path?.length ? String(path[path.length - 1]) : rootId)}
      />
    </Flex>
  );
}
