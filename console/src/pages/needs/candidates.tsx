import { Empty, Space, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import type { ScorePartsFragment } from '../../generated/operations';
import { labelOf, SCORE_FACTOR_LABEL, SOCIAL_WORKER_LEVEL_LABEL } from '../../ui/labels';
import type { DetailNeed } from './handler-options';

interface Row {
  key: string;
  name: string;
  detail: string;
  score: number;
  parts: readonly ScorePartsFragment[];
}

/** A score and how it was made: each factor's value times its weight, and the scorer's note. */
function ScoreParts({ parts }: { parts: readonly ScorePartsFragment[] }) {
  return (
    <Space direction="vertical" size={0}>
      {parts.map((part) => (
        <Typography.Text key={part.factor} style={{ fontSize: 13 }}>
          <Tag>{labelOf(SCORE_FACTOR_LABEL, part.factor)}</Tag>
          {part.value.toFixed(2)} × {part.weight} · {part.note}
        </Typography.Text>
      ))}
    </Space>
  );
}

const columns: TableColumnsType<Row> = [
  { title: '名称', key: 'name', render: (_, row) => <Typography.Text strong>{row.name}</Typography.Text> },
  { title: '说明', dataIndex: 'detail' },
  { title: '得分', key: 'score', render: (_, row) => row.score.toFixed(2) },
  { title: '得分构成', key: 'parts', render: (_, row) => <ScoreParts parts={row.parts} /> },
];

function CandidateTable({ rows, label }: { rows: Row[]; label: string }) {
  return (
    <Table
      aria-label={label}
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: true }}
      locale={{ emptyText: <Empty description="附近暂无合适的候选" /> }}
    />
  );
}

/** The five candidate lists (one per society), best first, with their score parts. */
export function CandidateLists({ need }: { need: DetailNeed }) {
  const lists: { key: string; label: string; rows: Row[] }[] = [
    {
      key: 'stations',
      label: '服务阵地',
      rows: need.candidateStations.map(({ station, score, parts }) => ({
        key: station.id,
        name: station.name,
        detail: station.address,
        score,
        parts,
      })),
    },
    {
      key: 'services',
      label: '社会组织服务',
      rows: need.candidateServices.map(({ service, score, parts }) => ({
        key: service.id,
        name: service.name,
        detail: service.provider.name,
        score,
        parts,
      })),
    },
    {
      key: 'socialWorkers',
      label: '社会工作者',
      rows: need.candidateSocialWorkers.map(({ socialWorker, score, parts }) => ({
        key: socialWorker.id,
        name: socialWorker.name,
        detail: [labelOf(SOCIAL_WORKER_LEVEL_LABEL, socialWorker.level), socialWorker.organization?.name]
          .filter(Boolean)
          .join(' · '),
        score,
        parts,
      })),
    },
    {
      key: 'volunteers',
      label: '志愿者',
      rows: need.candidateVolunteers.map(({ volunteer, score, parts }) => ({
        key: volunteer.id,
        name: volunteer.displayName,
        detail: volunteer.team?.name ?? '未加入团队',
        score,
        parts,
      })),
    },
    {
      key: 'resources',
      label: '慈善资源',
      rows: need.candidateResources.map(({ resource, score, parts }) => ({
        key: resource.id,
        name: resource.name,
        detail: `${resource.donor} · 剩余 ${resource.remaining} ${resource.unit}`,
        score,
        parts,
      })),
    },
  ];
  return (
    <Tabs
      items={lists.map((list) => ({
        key: list.key,
        label: `${list.label} ${list.rows.length}`,
        children: <CandidateTable rows={list.rows} label={`候选${list.label}`} />,
      }))}
    />
  );
}
