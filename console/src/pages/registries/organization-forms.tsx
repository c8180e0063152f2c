import { useMutation } from 'urql';
import { Form, Input, InputNumber, Select, Switch } from 'antd';
import {
  RegistryRegisterOrganizationDocument,
  RegistryUpdateOrganizationDocument,
  type RegistryOrganizationFieldsFragment as Organization,
} from '../../generated/operations';
import { errorCode, errorText } from '../../ui/errors';
import { CATEGORY_LABEL, ORGANIZATION_KIND_LABEL } from '../../ui/labels';
import { RegionSelect } from './choices';
import { FormDrawer } from './form-drawer';
import { optionsOf, orNull } from './options';
import { useAction } from '../../ui/use-action';

/**
 * 统一社会信用代码: 18 characters, digits and capital letters without I, O, S, V, Z, the 3rd to 8th digits.
 * Only the shape is checked here; the check character is the hub's to verify, and its refusal is shown as it comes.
 */
const CREDIT_CODE_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
const PHONE_SHAPE = /^\+?\d+(-\d+)*$/;

export const PHONE_RULE = { pattern: PHONE_SHAPE, message: '请填写对外公开电话,只含数字和短横线,如 0877-2012345' };

export function OrganizationNameField() {
  return (
    <Form.Item name="name" label="组织名称" rules={[{ required: true, whitespace: true, message: '请填写组织名称' }]}>
      <Input maxLength={100} />
    </Form.Item>
  );
}

/** The fields besides the name that staff and the organisation itself may correct. */
export function OrganizationDetailFields() {
  return (
    <>
      <Form.Item name="category" label="主要服务领域" rules={[{ required: true, message: '请选择主要服务领域' }]}>
        <Select options={optionsOf(CATEGORY_LABEL)} />
      </Form.Item>
      <Form.Item name="partyBranch" label="已建立党支部" valuePropName="checked">
        <Switch checkedChildren="是" unCheckedChildren="否" />
      </Form.Item>
      <Form.Item name="publicPhone" label="对外公开电话" rules={[PHONE_RULE]} extra="单位的公开电话,不要填写个人手机号">
        <Input inputMode="tel" maxLength={20} />
      </Form.Item>
      <Form.Item name="address" label="办公地址">
        <Input maxLength={255} />
      </Form.Item>
      <Form.Item name="description" label="简介">
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </>
  );
}

/** What only registration sets: kind, credit code, region and founding year. */
export function OrganizationRegistrationFields({ regionId }: { regionId?: string }) {
  return (
    <>
      <Form.Item name="kind" label="组织类型" rules={[{ required: true, message: '请选择组织类型' }]}>
        <Select options={optionsOf(ORGANIZATION_KIND_LABEL)} />
      </Form.Item>
      <Form.Item
        name="creditCode"
        label="统一社会信用代码"
        normalize={(value: string) => value?.toUpperCase().replace(/\s/g, '')}
        rules={[
          { required: true, message: '请填写统一社会信用代码' },
          {
            pattern: CREDIT_CODE_SHAPE,
            message: '统一社会信用代码应为 18 位:数字和大写字母(不含 I、O、S、V、Z),第 3 至 8 位为数字',
          },
        ]}
      >
        <Input maxLength={18} autoComplete="off" />
      </Form.Item>
      <Form.Item name="regionId" label="登记区域" rules={[{ required: true, message: '请选择登记区域' }]}>
        <RegionSelect regionId={regionId} />
      </Form.Item>
      <Form.Item name="foundedYear" label="成立年份">
        <InputNumber min={1949} max={new Date().getFullYear()} style={{ width: '100%' }} />
      </Form.Item>
    </>
  );
}

interface DetailValues {
  name: string;
  category: Organization['category'];
  partyBranch?: boolean;
  publicPhone?: string;
  address?: string;
  description?: string;
}

interface RegisterValues extends DetailValues {
  kind: Organization['kind'];
  creditCode: string;
  regionId: string;
  foundedYear?: number | null;
}

export function RegisterDrawer(props: { open: boolean; onClose(): void; onDone(): void; regionId?: string }) {
  const [form] = Form.useForm<RegisterValues>();
  const [, execute] = useMutation(RegistryRegisterOrganizationDocument);
  const { run, running } = useAction();
  const submit = async (values: RegisterValues) => {
    const done = await run(
      'save',
      `已登记“${values.name}”`,
      () =>
        execute({
          input: {
            ...values,
            foundedYear: values.foundedYear ?? null,
            publicPhone: orNull(values.publicPhone),
            address: values.address?.trim() ?? '',
            description: orNull(values.description),
          },
        }),
      (error) => {
        const code = errorCode(error);
        if (code === 'INVALID_CREDIT_CODE' || code === 'DUPLICATE_CREDIT_CODE')
          form.setFields([{ name: 'creditCode', errors: [errorText(error)] }]);
      },
    );
    if (done) {
      props.onDone();
      props.onClose();
    }
  };
  return (
    <FormDrawer
      title="登记社会组织"
      open={props.open}
      onClose={props.onClose}
      form={form}
      initialValues={{ regionId: props.regionId, partyBranch: false }}
      onFinish={submit}
      submitting={running !== null}
      submitText="登记"
    >
      <OrganizationNameField />
      <OrganizationRegistrationFields regionId={props.regionId} />
      <OrganizationDetailFields />
    </FormDrawer>
  );
}

export function EditDrawer({ organization, onClose }: { organization: Organization; onClose(): void }) {
  const [form] = Form.useForm<DetailValues>();
  const [, execute] = useMutation(RegistryUpdateOrganizationDocument);
  const { run, running } = useAction();
  const submit = async (values: DetailValues) => {
    const input = {
      ...values,
      publicPhone: orNull(values.publicPhone),
      address: values.address?.trim() ?? '',
      description: orNull(values.description),
    };
    if (await run('save', `已保存“${values.name}”`, () => execute({ id: organization.id, input }))) onClose();
  };
  return (
    <FormDrawer
      title={`编辑 ${organization.name}`}
      open
      onClose={onClose}
      form={form}
      initialValues={{
        name: organization.name,
        category: organization.category,
        partyBranch: organization.partyBranch,
        publicPhone: organization.publicPhone ?? undefined,
        address: organization.address,
        description: organization.description ?? undefined,
      }}
      onFinish={submit}
      submitting={running !== null}
    >
      <OrganizationNameField />
      <OrganizationDetailFields />
    </FormDrawer>
  );
}
