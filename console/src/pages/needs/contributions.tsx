import { Button, Empty, Form, Input, InputNumber, Table, type TableColumnsType } from 'antd';
import { useMutation } from 'urql';
import { AddLinkageContributionDocument, type Society } from '../../generated/operations';
import { labelOf, SOCIETY_LABEL } from '../../ui/labels';
import type { DetailNeed } from './handler-options';
import { SocietyFields } from './society-fields';
import { useAction } from '../../ui/use-action';

type Contribution = NonNullable<DetailNeed['linkageCase']>['contributions'][number];
const SOCIETIES = Object.keys(SOCIETY_LABEL) as Society[];

interface Values {
  society: Society;
  referenceId: string;
  description: string;
  hours: number;
}

/** Who made a contribution, by whichever society it came from; its id when the record is gone. */
function contributorName(row: Contribution): string {
  const contributor =
    row.community ?? row.station ?? row.organization ?? row.socialWorker ?? row.volunteerTeam ?? row.charityResource;
  return contributor?.name ?? row.referenceId;
}

/** The linkage case's contributions, one row per society's part. */
export function ContributionList({ need }: { need: DetailNeed }) {
  const contributions = need.linkageCase?.contributions ?? [];
  const columns: TableColumnsType<Contribution> = [
    { title: '参与方', key: 'society', render: (_, row) => labelOf(SOCIETY_LABEL, row.society) },
    { title: '名称', key: 'reference', render: (_, row) => contributorName(row) },
    { title: '贡献内容', dataIndex: 'description' },
    { title: '时长(小时)', dataIndex: 'hours' },
  ];
  return (
    <Table
      aria-label="联动贡献"
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={[...contributions]}
      pagination={false}
      scroll={{ x: true }}
      locale={{ emptyText: <Empty description="尚无贡献记录。服务开展后,请逐一记录各方的参与。" /> }}
    />
  );
}

/** 记录贡献: what one society brought to the case, naming it from the need's candidates. */
export function ContributionForm({ need, refresh }: { need: DetailNeed; refresh: () => void }) {
  const [form] = Form.useForm<Values>();
  const [, add] = useMutation(AddLinkageContributionDocument);
  const { running, run } = useAction(refresh);
  const caseId = need.linkageCase?.id;
  if (!caseId) return null;
  const submit = async (values: Values) => {
    const done = `已记录${labelOf(SOCIETY_LABEL, values.society)}的贡献`;
    if (await run('contribute', done, () => add({ ...values, caseId, description: values.description.trim() }))) {
      form.resetFields(['referenceId', 'description', 'hours']);
    }
  };
  return (
    <Form form={form} name="contribution" layout="vertical" onFinish={submit} initialValues={{ hours: 0 }}>
      <SocietyFields form={form} need={need} societies={SOCIETIES} party="参与方" forContribution />
      <Form.Item
        name="description"
        label="贡献内容"
        rules={[{ required: true, whitespace: true, message: '请填写贡献内容' }]}
      >
        <Input.TextArea rows={2} maxLength={255} showCount />
      </Form.Item>
      <Form.Item name="hours" label="投入时长(小时)" rules={[{ required: true, message: '请填写时长' }]}>
        <InputNumber min={0} max={1000} step={0.5} style={{ width: '100%' }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={running === 'contribute'}>
        记录贡献
      </Button>
    </Form>
  );
}
