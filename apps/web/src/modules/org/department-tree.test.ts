import { describe, expect, it } from 'vitest';
import type { DepartmentDto } from '@domain/org/department.schema.js';
import { allIds, buildDepartmentTree, subtreeIds } from './department-tree';

function dept(id: number, parentId: number | null, sortOrder = id, name = `D${id}`): DepartmentDto {
  return {
    id, parentId, sortOrder, name, version: 1, createdAt: '', createdBy: null, updatedAt: '',
    code: null, kind: 'other', managerId: null, managerName: null, description: '', active: true, memberCount: 0,
  };
}

describe('buildDepartmentTree', () => {
  it('nests by parentId and orders siblings by sortOrder', () => {
    const tree = buildDepartmentTree([dept(3, 1, 2), dept(1, null), dept(2, 1, 1), dept(4, 2)]);
    expect(tree.map((n) => n.id)).toEqual([1]);
    expect(tree[0]!.children!.map((n) => n.id)).toEqual([2, 3]);
    expect(tree[0]!.children![0]!.children!.map((n) => n.id)).toEqual([4]);
    expect(tree[0]!.children![1]!.children).toBeUndefined();
  });

  it('makes a department whose parent is missing a root', () => {
    const tree = buildDepartmentTree([dept(5, 99), dept(1, null)]);
    expect(tree.map((n) => n.id).sort()).toEqual([1, 5]);
  });

  it('survives a cycle without looping', () => {
    const tree = buildDepartmentTree([dept(1, 2), dept(2, 1), dept(3, null)]);
    expect(allIds(tree)).toEqual([3]);
  });
});

describe('subtreeIds', () => {
  it('collects a department and all below it', () => {
    const items = [dept(1, null), dept(2, 1), dept(3, 2), dept(4, null)];
    expect([...subtreeIds(items, 2)].sort()).toEqual([2, 3]);
    expect([...subtreeIds(items, 1)].sort()).toEqual([1, 2, 3]);
  });
});
