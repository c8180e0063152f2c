import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Descriptions, Rate, Spin, Steps, Table, Typography, type TableColumnsType } from 'antd';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { ProjectTraceDocument, type ProjectTraceQuery } from '../../generated/operations';
import { errorText } from '../../ui/errors';
import { formatTime } from '../../ui/format-time';
import {
  CATEGORY_LABEL,
  labelOf,
  NEED_STATUS_LABEL,
  PROJECT_CATEGORY_LABEL,
  PROJECT_STATUS_LABEL,
} from '../../ui/labels';
import { ProjectActions } from './project-actions';
import { PROJECT_STATUS_TONE } from '../../ui/status-tones';
import { StatusTag } from '../../ui/status-tag';

type Project = NonNullable<ProjectTraceQuery['serviceProject']>;
type CitedNeed = Project['citedNeeds'][number];
type LinkedService = NonNullable<Project['services'][number]>;

/** The residents' ratings of the needs a project answers: their mean and how many rated. */
function feedbackOf(needs: readonly CitedNeed[]) {
  const ratings = needs
    .map((need) => need.rating)
    .filter((rating): rating is number => rating !== null && rating !== undefined);
  const mean = ratings.length ? ratings.reduce((sum, rating) => sum + rating, 0) / ratings.length : null;
  return { rated: ratings.length, mean };
}

/** 需求 → 项目 → 服务 → 反馈: what a project answers, how it delivers, and what residents said. */
export function ProjectTrace() {
  const { projectId = '' } = useParams();
  const [{ data, fetching, error }, refetch] = useQuery({ query: ProjectTraceDocument, variables: { id: projectId } });
  const project = data?.serviceProject;
  if (!project) {
    const back = (
      <Link to="/projects">
        <ArrowLeftOutlined /> 返回轮次列表
      </Link>
    );
    if (fetching) return <Spin tip="正在加载…">{back}</Spin>;
    return (
      <>
        {back}
        <Alert type="error" showIcon title={error ? errorText(error) : '没有找到该项目。'} style={{ marginTop: 12 }} />
      </>
    );
  }
  const services = project.services.filter((service): service is LinkedService => service !== null);
  const feedback = feedbackOf(project.citedNeeds);
  const needColumns: TableColumnsType<CitedNeed> = [
    { title: '需求编号', dataIndex: 'number' },
    { title: '类别', render: (_, need) => labelOf(CATEGORY_LABEL, need.category) },
    { title: '社区', render: (_, need) => need.community?.name ?? '' },
    { title: '状态', render: (_, need) => labelOf(NEED_STATUS_LABEL, need.status) },
    { title: '提交时间', render: (_, need) => formatTime(need.submittedAt) },
    { title: '解决时间', render: (_, need) => formatTime(need.resolvedAt) },
    {
      title: '居民评价',
      render: (_, need) =>
        need.rating ? <Rate disabled value={need.rating} aria-label={`${need.rating} 星`} /> : '未评价',
    },
    {
      title: '同时引用的项目',
      render: (_, need) =>
        need.citedBy
          .filter((other) => other.id !== project.id)
          .map((other) => (
            <Link key={other.id} to={`/projects/applications/${other.id}`} style={{ marginRight: 8 }}>
              {other.title}
            </Link>
          )),
    },
  ];
  const serviceColumns: TableColumnsType<LinkedService> = [
    { title: '服务', dataIndex: 'name' },
    { title: '类别', render: (_, service) => labelOf(CATEGORY_LABEL, service.category) },
    { title: '提供方', render: (_, service) => service.provider.name },
    { title: '服务时间', dataIndex: 'schedule' },
  ];
  return (
    <>
      <Link to={`/projects/rounds/${project.round.id}`}>
        <ArrowLeftOutlined /> 返回{project.round.name}
      </Link>
      <Typography.Title level={3}>{project.title}</Typography.Title>
      <Steps
        size="small"
        style={{ marginBottom: 16 }}
        current={4}
        items={[
          { title: '需求', description: `引用 ${project.citedNeeds.length} 条居民需求` },
          { title: '项目', description: labelOf(PROJECT_STATUS_LABEL, project.status) },
          { title: '服务', description: `关联 ${services.length} 项服务` },
          {
            title: '反馈',
            description:
              feedback.mean === null ? '暂无居民评价' : `${feedback.rated} 条评价,平均 ${feedback.mean.toFixed(1)} 星`,
          },
        ]}
      />
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'status',
            label: '状态',
            children: (
              <StatusTag tone={PROJECT_STATUS_TONE[project.status]}>
                {labelOf(PROJECT_STATUS_LABEL, project.status)}
              </StatusTag>
            ),
          },
          { key: 'category', label: '类别', children: labelOf(PROJECT_CATEGORY_LABEL, project.category) },
          { key: 'score', label: '评分', children: project.score ?? '未评' },
          { key: 'applicant', label: '申报组织', children: project.applicant?.name ?? '' },
          { key: 'region', label: '地区', children: project.region?.name ?? '' },
          { key: 'station', label: '服务阵地', children: project.station?.name ?? '无' },
          { key: 'summary', label: '项目简介', span: 'filled', children: project.summary ?? '无' },
          { key: 'evaluation', label: '结项评估', span: 'filled', children: project.evaluation ?? '尚未结项' },
          {
            key: 'actions',
            label: '操作',
            span: 'filled',
            children: <ProjectActions project={project} onRefused={() => refetch({ requestPolicy: 'network-only' })} />,
          },
        ]}
      />
      <Typography.Title level={4}>需求:项目回应的居民需求</Typography.Title>
      <Table<CitedNeed>
        rowKey="id"
        size="small"
        columns={needColumns}
        dataSource={project.citedNeeds}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '项目尚未引用居民需求。' }}
      />
      <Typography.Title level={4}>服务:项目通过哪些服务落地</Typography.Title>
      <Table<LinkedService>
        rowKey="id"
        size="small"
        columns={serviceColumns}
        dataSource={services}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '项目尚未关联服务。' }}
      />
    </>
  );
}
