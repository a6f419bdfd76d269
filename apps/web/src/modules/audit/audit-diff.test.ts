import { describe, expect, it } from 'vitest';
import { diffRows } from './audit-diff';

describe('diffRows', () => {
  it('is empty when there is nothing before or after', () => {
    expect(diffRows(null, null)).toEqual([]);
  });

  it('lists the fields of a create without marking changes', () => {
    expect(diffRows(null, { name: 'A', role: 'pm' })).toEqual([
      { field: 'name', before: undefined, after: 'A', changed: false },
      { field: 'role', before: undefined, after: 'pm', changed: false },
    ]);
  });

  it('marks changed fields of an update, including fields only one side has', () => {
    const rows = diffRows({ name: 'A', email: 'a@x', areas: ['华东'] }, { name: 'B', areas: ['华东'], phone: '1' });
    expect(rows.map((r) => [r.field, r.changed])).toEqual([
      ['name', true],
      ['areas', false],
      ['phone', true],
      ['email', true],
    ]);
  });

  it('handles snapshots that are not objects', () => {
    expect(diffRows('x', 'y')).toEqual([{ field: '', before: 'x', after: 'y', changed: true }]);
  });
});
