import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issuesToFields } from './zod-issues.js';
import { passwordSchema } from '../org/user.schema.js';

const schema = z.strictObject({
  name: z.string().min(1).max(3),
  age: z.number().int().min(0),
  role: z.enum(['a', 'b']),
  email: z.email().optional(),
  tags: z.array(z.string()).max(1).optional(),
  password: passwordSchema.optional(),
});

function fields(input: unknown, locale: 'zh-CN' | 'zh-TW' | 'en-US' = 'zh-CN') {
  const r = schema.safeParse(input, { reportInput: true });
  if (r.success) return {};
  return issuesToFields(r.error.issues, locale);
}

describe('issuesToFields', () => {
  it.each([
    [{ age: 1, role: 'a' }, 'name', '必填'],
    [{ name: '', age: 1, role: 'a' }, 'name', '必填'],
    [{ name: 'abcd', age: 1, role: 'a' }, 'name', '不能超过 3 个字符'],
    [{ name: 'a', age: 'x', role: 'a' }, 'age', '格式不正确，应为数字'],
    [{ name: 'a', age: 1.5, role: 'a' }, 'age', '应为整数'],
    [{ name: 'a', age: -1, role: 'a' }, 'age', '不能小于 0'],
    [{ name: 'a', age: 1, role: 'c' }, 'role', '取值无效，可选：a / b'],
    [{ name: 'a', age: 1, role: 'a', email: 'x' }, 'email', '邮箱格式不正确'],
    [{ name: 'a', age: 1, role: 'a', tags: ['x', 'y'] }, 'tags', '最多 1 项'],
    [{ name: 'a', age: 1, role: 'a', extra: 1 }, 'extra', '不允许的字段'],
    [{ name: 'a', age: 1, role: 'a', password: 'abcdefgh' }, 'password', '密码至少 8 位，且须包含字母和数字'],
  ])('%j → %s: %s', (input, path, message) => {
    expect(fields(input)[path]).toBe(message);
  });

  it('speaks the request language', () => {
    expect(fields({ age: 1, role: 'a' }, 'en-US').name).toBe('Required');
    expect(fields({ name: 'abcd', age: 1, role: 'a' }, 'zh-TW').name).toBe('不能超過 3 個字元');
  });

  it('joins nested paths with dots', () => {
    const nested = z.object({ items: z.array(z.object({ amount: z.number() })) });
    const r = nested.safeParse({ items: [{ amount: 1 }, { amount: 'x' }] }, { reportInput: true });
    expect(Object.keys(issuesToFields(r.error!.issues, 'zh-CN'))).toEqual(['items.1.amount']);
  });
});
