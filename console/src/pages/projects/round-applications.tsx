import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Flex, Select, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { RoundApplicationsDocument, type ProjectStatus, type RoundApplicationsQuery } from '../../generated/operations';
import { CursorPager, useCursorPages } from '../../ui/cursor-pages';
import { errorText } from '../../ui/errors';
import { labelOf, PROJECT_CATEGORY_LABEL, PROJECT_STATUS_LABEL } from '../../ui/labels';
import { ProjectActions } from './project-actions';
import { PROJECT_STATUS_TONE } from '../../ui/status-tones';
import { StatusTag } from '../../ui/status-tag';
import { RoundFigures } from './round-figures';

type Application = RoundApplicationsQuery['serviceProjects']['nodes'][number];

const PAGE_SIZE = 20;

/** A round's applications ranked by score, with the round's quota and what the caller may do to each. */
export function RoundApplications() {
  const { roundId = '' } = useParams();
  const [status, setStatus] = useState<ProjectStatus>();
  const pages = useCursorPages(`${roundId}:${status ?? ''}`);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: RoundApplicationsDocument,
    variables: { roundId, status, first: PAGE_SIZE, after: pages.after },
  });
  const round = data?.projectRound;
  const applications = data?.serviceProjects;
  const columns: TableColumnsType<Application> = [
    {
      title: '项目',
      render: (_, project) => <Link to={`/projects/applications/${project.id}`}>{project.title}</Link>,
    },
    { title: '类别', render: (_, project) => labelOf(PROJECT_CATEGORY_LABEL, project.category) },
    { title: '申报组织', render: (_, project) => project.applicant?.name ?? '' },
    { title: '地区', render: (_, project) => project.region?.name ?? '' },
    { title: '评分', align: 'right', render: (_, project) => project.score ?? '未评' },
    {
      title: '状态',
      render: (_, project) => (
        <StatusTag tone={PROJECT_STATUS_TONE[project.status]}>
          {labelOf(PROJECT_STATUS_LABEL, project.status)}
        </StatusTag>
      ),
    },
    {
      title: '操作',
      render: (_, project) => (
        <ProjectActions project={project} onRefused={() => refetch({ requestPolicy: 'network-only' })} />
      ),
    },
  ];
  return (
    <>
      <Link to="/projects">
        <ArrowLeftOutlined /> 返回轮次列表
      </Link>
      <Typography.Title level={3}>{round?.name ?? '申报轮次'}</Typography.Title>
      {round && (
        <Typography.Paragraph>
          {round.sponsor} · {round.openedOn} 开始
        </Typography.Paragraph>
      )}
      {round && <RoundFigures round={round} />}
      {error && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} />}
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Select<ProjectStatus>
          aria-label="申报状态"
          placeholder="全部状态"
          allowClear
          style={{ width: 160 }}
          value={status}
          options={Object.entries(PROJECT_STATUS_LABEL).map(([value, label]) => ({
            value: value as ProjectStatus,
            label,
          }))}
          onChange={(value) => {
            setStatus(value);
          }}
        />
        <Typography.Text>按评分从高到低排列</Typography.Text>
      </Flex>
      <Table<Application>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={applications?.nodes ?? []}
        loading={fetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '本轮暂无符合条件的申报。' }}
      />
      <CursorPager
        pages={pages}
        pageSize={PAGE_SIZE}
        totalCount={applications?.totalCount ?? 0}
        pageInfo={applications?.pageInfo}
      />
    </>
  );
}
