import { useMutation } from 'urql';
import { DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import {
  RegistryAllocateCharityResourceDocument,
  RegistryRecordCharityResourceDocument,
  type CharityResourceKind,
  type RegistryCharityResourcesQuery,
  type ServiceCategory,
} from '../../generated/operations';
import { CATEGORY_LABEL, CHARITY_KIND_LABEL } from '../../ui/labels';
import { NeedSelect, ProjectSelect, RegionSelect } from './choices';
import { FormDrawer } from './form-drawer';
import { optionsOf, orNull } from './options';
import { useAction } from '../../ui/use-action';

export type CharityResource = RegistryCharityResourcesQuery['charityResources']['nodes'][number];

interface Props {
  onClose(): void;
  onDone(): void;
}

interface ResourceValues {
  name: string;
  kind: CharityResourceKind;
  donor: string;
  regionId: string;
  category?: ServiceCategory;
  amount: number;
  unit: string;
  receivedOn: Dayjs;
  description?: string;
}

const UNIT_OF_KIND: Record<string, string> = { FUNDS: '元', GOODS: '件', VENUE: '次', SERVICE: '小时' };

export function RecordResourceDrawer({ regionId, onClose, onDone }: Props & { regionId?: string }) {
  const [form] = Form.useForm<ResourceValues>();
  const [, execute] = useMutation(RegistryRecordCharityResourceDocument);
  const { run, running } = useAction();
  const submit = async (values: ResourceValues) => {
    const input = {
      ...values,
      category: values.category ?? null,
      receivedOn: values.receivedOn.format('YYYY-MM-DD'),
      description: orNull(values.description),
    };
    if (await run('save', `已登记“${values.name}”`, () => execute({ input }))) {
      onDone();
      onClose();
    }
  };
  return (
    <FormDrawer
      title="登记慈善资源"
      open
      onClose={onClose}
      form={form}
      initialValues={{ regionId, receivedOn: dayjs(), kind: 'FUNDS', unit: '元' }}
      onFinish={submit}
      submitting={running !== null}
      submitText="登记"
    >
      <Form.Item name="name" label="资源名称" rules={[{ required: true, whitespace: true, message: '请填写资源名称' }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="kind" label="资源类型" rules={[{ required: true, message: '请选择资源类型' }]}>
        <Select
          options={optionsOf(CHARITY_KIND_LABEL)}
          onChange={(kind: string) => form.setFieldValue('unit', UNIT_OF_KIND[kind])}
        />
      </Form.Item>
      <Form.Item name="donor" label="捐赠方" rules={[{ required: true, whitespace: true, message: '请填写捐赠方' }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="amount" label="数量" rules={[{ required: true, message: '请填写数量' }]}>
        <InputNumber min={1} max={1000000000} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="unit" label="单位" rules={[{ required: true, whitespace: true, message: '请填写单位' }]}>
        <Input maxLength={10} />
      </Form.Item>
      <Form.Item name="receivedOn" label="接收日期" rules={[{ required: true, message: '请选择接收日期' }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item name="regionId" label="所在区域" rules={[{ required: true, message: '请选择所在区域' }]}>
        <RegionSelect regionId={regionId} />
      </Form.Item>
      <Form.Item name="category" label="定向服务类别(可不选)">
        <Select allowClear options={optionsOf(CATEGORY_LABEL)} />
      </Form.Item>
      <Form.Item name="description" label="说明">
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormDrawer>
  );
}

interface AllocateValues {
  target: 'need' | 'project';
  needId?: string;
  projectId?: string;
  amount: number;
  note?: string;
}

export function AllocateDrawer({ resource, onClose, onDone }: Props & { resource: CharityResource }) {
  const [form] = Form.useForm<AllocateValues>();
  const target = Form.useWatch('target', form);
  const [, execute] = useMutation(RegistryAllocateCharityResourceDocument);
  const { run, running } = useAction();
  const regionId = resource.region?.id;
  const submit = async (values: AllocateValues) => {
    const input = {
      resourceId: resource.id,
      amount: values.amount,
      needId: values.target === 'need' ? values.needId : null,
      projectId: values.target === 'project' ? values.projectId : null,
      note: values.note?.trim() ?? '',
    };
    if (await run('save', `已分配 ${values.amount} ${resource.unit}`, () => execute({ input }))) {
      onDone();
      onClose();
    }
  };
  return (
    <FormDrawer
      title={`分配 ${resource.name}(剩余 ${resource.remaining} ${resource.unit})`}
      open
      onClose={onClose}
      form={form}
      initialValues={{ target: 'need' }}
      onFinish={submit}
      submitting={running !== null}
      submitText="分配"
    >
      <Form.Item name="target" label="分配给">
        <Radio.Group
          options={[
            { value: 'need', label: '需求' },
            { value: 'project', label: '项目' },
          ]}
        />
      </Form.Item>
      {target === 'project' ? (
        <Form.Item name="projectId" label="服务项目" rules={[{ required: true, message: '请选择服务项目' }]}>
          <ProjectSelect regionId={regionId} />
        </Form.Item>
      ) : (
        <Form.Item name="needId" label="居民需求" rules={[{ required: true, message: '请选择需求' }]}>
          <NeedSelect regionId={regionId} />
        </Form.Item>
      )}
      <Form.Item
        name="amount"
        label={`数量(${resource.unit})`}
        rules={[{ required: true, message: '请填写数量' }]}
        extra={`最多 ${resource.remaining} ${resource.unit}`}
      >
        <InputNumber min={1} max={resource.remaining} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="note" label="说明">
        <Input maxLength={200} />
      </Form.Item>
    </FormDrawer>
  );
}
