import { useMutation } from 'urql';
import { Form, Input, InputNumber, Select } from 'antd';
import {
  RegistryGrantTalentAwardDocument,
  RegistryRecordCertificateDocument,
  RegistryRegisterSocialWorkerDocument,
  type RegistrySocialWorkersQuery,
  type ServiceCategory,
  type SocialWorkerLevel,
} from '../../generated/operations';
import { CATEGORY_LABEL, SOCIAL_WORKER_LEVEL_LABEL } from '../../ui/labels';
import { OrganizationSelect, RegionSelect, StationSelect } from './choices';
import { FormDrawer } from './form-drawer';
import { optionsOf } from './options';
import { useAction } from '../../ui/use-action';

export type SocialWorker = RegistrySocialWorkersQuery['socialWorkers']['nodes'][number];

const THIS_YEAR = new Date().getFullYear();
const yearRule = { required: true, message: '请填写年份' };

function YearField({ name, label }: { name: string; label: string }) {
  return (
    <Form.Item name={name} label={label} rules={[yearRule]}>
      <InputNumber min={1990} max={THIS_YEAR} style={{ width: '100%' }} />
    </Form.Item>
  );
}

function LevelField({ label }: { label: string }) {
  return (
    <Form.Item name="level" label={label} rules={[{ required: true, message: '请选择持证等级' }]}>
      <Select options={optionsOf(SOCIAL_WORKER_LEVEL_LABEL)} />
    </Form.Item>
  );
}

interface WorkerValues {
  name: string;
  level: SocialWorkerLevel;
  certifiedYear: number;
  regionId: string;
  organizationId?: string;
  stationId?: string;
  specialties?: ServiceCategory[];
}

interface Props {
  onClose(): void;
  onDone(): void;
}

export function RegisterWorkerDrawer({ regionId, onClose, onDone }: Props & { regionId?: string }) {
  const [form] = Form.useForm<WorkerValues>();
  const [, execute] = useMutation(RegistryRegisterSocialWorkerDocument);
  const { run, running } = useAction();
  const submit = async (values: WorkerValues) => {
    const input = {
      ...values,
      organizationId: values.organizationId ?? null,
      stationId: values.stationId ?? null,
      specialties: values.specialties ?? [],
    };
    if (await run('save', `已登记社会工作者“${values.name}”`, () => execute({ input }))) {
      onDone();
      onClose();
    }
  };
  return (
    <FormDrawer
      title="登记社会工作者"
      open
      onClose={onClose}
      form={form}
      initialValues={{ regionId }}
      onFinish={submit}
      submitting={running !== null}
      submitText="登记"
    >
      <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
        <Input maxLength={50} />
      </Form.Item>
      <LevelField label="持证等级" />
      <YearField name="certifiedYear" label="取证年份" />
      <Form.Item name="regionId" label="所在区域" rules={[{ required: true, message: '请选择所在区域' }]}>
        <RegionSelect regionId={regionId} />
      </Form.Item>
      <Form.Item name="organizationId" label="所在社会组织(可不选)">
        <OrganizationSelect regionId={regionId} />
      </Form.Item>
      <Form.Item name="stationId" label="服务站点(可不选)">
        <StationSelect regionId={regionId} />
      </Form.Item>
      <Form.Item name="specialties" label="专长领域">
        <Select mode="multiple" options={optionsOf(CATEGORY_LABEL)} />
      </Form.Item>
    </FormDrawer>
  );
}

export function CertificateDrawer({ worker, onClose, onDone }: Props & { worker: SocialWorker }) {
  const [form] = Form.useForm<{ level: SocialWorkerLevel; year: number }>();
  const [, execute] = useMutation(RegistryRecordCertificateDocument);
  const { run, running } = useAction();
  const submit = async (values: { level: SocialWorkerLevel; year: number }) => {
    const done = await run('save', '证书已登记,持证奖励按政策计入', () =>
      execute({ socialWorkerId: worker.id, ...values }),
    );
    if (done) {
      onDone();
      onClose();
    }
  };
  return (
    <FormDrawer
      title={`为 ${worker.name} 登记证书`}
      open
      onClose={onClose}
      form={form}
      initialValues={{ year: THIS_YEAR }}
      onFinish={submit}
      submitting={running !== null}
      submitText="登记"
    >
      <LevelField label="证书等级(须高于现有等级)" />
      <YearField name="year" label="取证年份" />
    </FormDrawer>
  );
}

interface AwardValues {
  programme: string;
  year: number;
  amountYuan: number;
}

export function AwardDrawer({ worker, onClose, onDone }: Props & { worker: SocialWorker }) {
  const [form] = Form.useForm<AwardValues>();
  const [, execute] = useMutation(RegistryGrantTalentAwardDocument);
  const { run, running } = useAction();
  const submit = async (values: AwardValues) => {
    if (
      await run('save', `已为${worker.name}授予“${values.programme}”`, () =>
        execute({ input: { socialWorkerId: worker.id, ...values } }),
      )
    ) {
      onDone();
      onClose();
    }
  };
  return (
    <FormDrawer
      title={`为 ${worker.name} 授予人才奖励`}
      open
      onClose={onClose}
      form={form}
      initialValues={{ programme: '兴玉社工人才', year: THIS_YEAR }}
      onFinish={submit}
      submitting={running !== null}
      submitText="授予"
    >
      <Form.Item
        name="programme"
        label="奖励项目"
        rules={[{ required: true, whitespace: true, message: '请填写奖励项目' }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <YearField name="year" label="年度" />
      <Form.Item name="amountYuan" label="金额(元)" rules={[{ required: true, message: '请填写金额' }]}>
        <InputNumber min={1} max={10000000} style={{ width: '100%' }} />
      </Form.Item>
    </FormDrawer>
  );
}
