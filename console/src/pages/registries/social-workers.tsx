import { Button, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useQuery } from 'urql';
import {
  RegistryCertificateRewardsDocument,
  RegistrySocialWorkersDocument,
  type SocialWorkerFilter,
} from '../../generated/operations';
import { CATEGORY_LABEL, labelOf, SOCIAL_WORKER_LEVEL_LABEL } from '../../ui/labels';
import { FilterSelect, RecordTable, RowButton, SearchBox } from './controls';
import { PagedTable, usePagedList } from './paged-list';
import { useRegistryScope } from './scope';
import { AwardDrawer, CertificateDrawer, RegisterWorkerDrawer, type SocialWorker } from './social-worker-forms';

type Dialog = { kind: 'register' } | { kind: 'certificate' | 'award'; worker: SocialWorker };

/** 社会工作者: certified workers of the region, their certificates with the policy's rewards, and talent awards. */
export function SocialWorkersTab() {
  const scope = useRegistryScope();
  const [filter, setFilter] = useState<SocialWorkerFilter>({});
  const { list, fetching, error, pages, refresh } = usePagedList(
    RegistrySocialWorkersDocument,
    { ...filter, regionId: scope.regionId, organizationId: scope.organizationId },
    (data) => data.socialWorkers,
  );
  const [dialog, setDialog] = useState<Dialog>();
  const close = () => setDialog(undefined);
  return (
    <>
      <RewardPolicy />
      <Space wrap style={{ marginBottom: 12 }}>
        <SearchBox
          label="搜索社会工作者"
          placeholder="姓名"
          onSearch={(search) => setFilter({ ...filter, search })}
          width={200}
        />
        <FilterSelect
          label="按持证等级筛选"
          all="全部等级"
          labels={SOCIAL_WORKER_LEVEL_LABEL}
          onChange={(level) => setFilter({ ...filter, level: level as typeof filter.level })}
          width={160}
        />
        {scope.staff && (
          <Button type="primary" onClick={() => setDialog({ kind: 'register' })}>
            登记社会工作者
          </Button>
        )}
      </Space>
      <PagedTable<SocialWorker>
        list={list}
        fetching={fetching}
        error={error}
        pages={pages}
        emptyText={scope.staff ? '暂无符合条件的社会工作者,可点击“登记社会工作者”新增' : '暂无符合条件的社会工作者'}
        expandable={{ expandedRowRender: (worker) => <Records worker={worker} /> }}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '持证等级', dataIndex: 'level', render: (l: string) => labelOf(SOCIAL_WORKER_LEVEL_LABEL, l) },
          { title: '取证年份', dataIndex: 'certifiedYear' },
          {
            title: '专长',
            dataIndex: 'specialties',
            render: (specialties: string[]) => specialties.map((c) => <Tag key={c}>{labelOf(CATEGORY_LABEL, c)}</Tag>),
          },
          { title: '所在区域', render: (_, w) => w.region?.name },
          { title: '所在组织', render: (_, w) => w.organization?.name },
          { title: '服务站点', render: (_, w) => w.station?.name },
          ...(scope.staff
            ? [
                {
                  title: '操作',
                  render: (_: unknown, worker: SocialWorker) => (
                    <Space>
                      <RowButton
                        text="登记证书"
                        subject={worker.name}
                        onClick={() => setDialog({ kind: 'certificate', worker })}
                      />
                      {scope.admin && (
                        <RowButton
                          text="授予人才奖励"
                          subject={worker.name}
                          onClick={() => setDialog({ kind: 'award', worker })}
                        />
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {dialog?.kind === 'register' && (
        <RegisterWorkerDrawer regionId={scope.regionId} onClose={close} onDone={refresh} />
      )}
      {dialog?.kind === 'certificate' && <CertificateDrawer worker={dialog.worker} onClose={close} onDone={refresh} />}
      {dialog?.kind === 'award' && <AwardDrawer worker={dialog.worker} onClose={close} onDone={refresh} />}
    </>
  );
}

/** 持证奖励政策: what the policy pays once for each certificate level. */
function RewardPolicy() {
  const [{ data }] = useQuery({ query: RegistryCertificateRewardsDocument });
  if (!data?.certificateRewards.length) return null;
  return (
    <Typography.Paragraph>
      持证奖励政策:
      {data.certificateRewards.map((reward) => (
        <Tag key={reward.level} style={{ marginInlineStart: 8 }}>
          {reward.title} {reward.amountYuan} 元
        </Tag>
      ))}
    </Typography.Paragraph>
  );
}

/** A worker's certificates (with the reward each brings) and talent awards, under the worker's row. */
function Records({ worker }: { worker: SocialWorker }) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <RecordTable
        title="持证记录"
        emptyText="尚无持证记录"
        dataSource={worker.certificates}
        columns={[
          { title: '证书等级', dataIndex: 'level', render: (l: string) => labelOf(SOCIAL_WORKER_LEVEL_LABEL, l) },
          { title: '取证年份', dataIndex: 'year' },
          { title: '持证奖励(元)', dataIndex: 'rewardYuan' },
        ]}
      />
      <RecordTable
        title="人才奖励"
        emptyText="尚无人才奖励"
        dataSource={worker.talentAwards}
        columns={[
          { title: '奖励项目', dataIndex: 'programme' },
          { title: '年度', dataIndex: 'year' },
          { title: '金额(元)', dataIndex: 'amountYuan' },
        ]}
      />
    </Space>
  );
}
