import { describe, expect, it } from 'vitest';
import { buildQuery, newIdempotencyKey } from './api-client';

describe('buildQuery', () => {
  it('drops empty values and encodes the rest', () => {
    expect(buildQuery({ page: 1, q: '华东 组', role: undefined, active: null, sort: '', flag: false })).toBe(
      '?page=1&q=%E5%8D%8E%E4%B8%9C+%E7%BB%84&flag=false',
    );
  });

  it('answers nothing for no parameters', () => {
    expect(buildQuery()).toBe('');
    expect(buildQuery({ q: undefined })).toBe('');
  });
});

describe('newIdempotencyKey', () => {
  it('is 32 hex characters and differs each time', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(newIdempotencyKey()).not.toBe(a);
  });
});
