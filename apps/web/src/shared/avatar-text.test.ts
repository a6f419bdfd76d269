import { describe, expect, it } from 'vitest';
import { avatarText } from './avatar-text';

describe('avatarText', () => {
  it.each([
    ['李明', '李明'],
    ['王建国', '建国'],
    ['系统管理员', '系'],
    ['Alice Chen', 'AC'],
    ['bob', 'B'],
    ['  ', '?'],
  ])('%s → %s', (name, expected) => {
    expect(avatarText(name)).toBe(expected);
  });
});
