import { Alert, Table, type TableColumnsType } from 'antd';
import { StatusTag } from '../../ui/status-tag';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ProjectRoundsDocument, type ProjectRoundsQuery } from '../../generated/operations';
import { errorText } from '../../ui/errors';
import { labelOf, PROJECT_CATEGORY_LABEL } from '../../ui/labels';

type RoundRow = ProjectRoundsQuery['projectRounds'][number];

/** Every round, newest first, with its quota and how much of it is left. */
export function RoundList() {
  const [{ data, fetching, error }] = useQuery({ query: ProjectRoundsDocument });
  const columns: TableColumnsType<RoundRow> = [
    { title: '轮次', render: (_, round) => <Link to={`/projects/rounds/${round.id}`}>{round.name}</Link> },
    { title: '主办单位', dataIndex: 'sponsor' },
    { title: '开始日期', dataIndex: 'openedOn' },
    { title: '名额', dataIndex: 'quota', align: 'right' },
    { title: '申报数', dataIndex: 'applicationCount', align: 'right' },
    { title: '已立项', dataIndex: 'fundedCount', align: 'right' },
    {
      title: '剩余名额',
      align: 'right',
      render: (_, round) => (
        <StatusTag tone={round.remainingQuota > 0 ? 'good' : 'bad'}>{round.remainingQuota}</StatusTag>
      ),
    },
    {
      title: '申报类别',
      render: (_, round) => round.categories.map((category) => labelOf(PROJECT_CATEGORY_LABEL, category)).join('、'),
    },
    { title: '操作', render: (_, round) => <Link to={`/projects/rounds/${round.id}`}>查看申报</Link> },
  ];
  return (
    <>
      {error && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} />}
      <Table<RoundRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.projectRounds ?? []}
        loading={fetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '还没有项目申报轮次。市级管理员开启轮次后,申报会出现在这里。' }}
      />
    </>
  );
}
