import { Form, Input, type FormRule } from 'antd';

/** The hub's rule for new passwords, said before anyone types one (the hub still decides: WEAK_PASSWORD). */
export const PASSWORD_RULE_TEXT =
  '新密码至少 10 位,且包含小写字母、大写字母、数字、符号中的至少三类;或使用至少 16 位的任意字符(如一句话)。不能包含用户名,不能是常见密码。';

const kindsOf = (password: string) =>
  [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(password)).length;

/** The length-and-kinds part of the rule, checked in the form so a weak password is named before it is sent. */
const strongPasswordRule: FormRule = {
  validator: async (_rule, value: string | undefined) => {
    const length = [...(value ?? '')].length;
    if (length === 0 || length >= 16 || (length >= 10 && kindsOf(value!) >= 3)) return;
    throw new Error('密码强度不足:至少 10 位并包含三类字符,或至少 16 位');
  },
};

/** "Type it again" must match the field `field`. */
const sameAs =
  (field: string): FormRule =>
  ({ getFieldValue }) => ({
    validator: async (_rule, value: string | undefined) => {
      if (!value || value === getFieldValue(field)) return;
      throw new Error('两次输入的密码不一致');
    },
  });

/** 新密码 and 再次输入新密码 (form fields `newPassword` and `repeat`), checked against the rule as they are typed. */
export function NewPasswordFields({ size }: { size?: 'large' }) {
  return (
    <>
      <Form.Item
        name="newPassword"
        label="新密码"
        rules={[{ required: true, message: '请输入新密码' }, strongPasswordRule]}
      >
        <Input.Password autoComplete="new-password" size={size} />
      </Form.Item>
      <Form.Item
        name="repeat"
        label="再次输入新密码"
        dependencies={['newPassword']}
        rules={[{ required: true, message: '请再次输入新密码' }, sameAs('newPassword')]}
      >
        <Input.Password autoComplete="new-password" size={size} />
      </Form.Item>
    </>
  );
}
