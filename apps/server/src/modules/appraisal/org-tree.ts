import type { Executor } from '../../platform/db/executor.js';

/** Active departments and their active members, to answer "everyone in this department and below it". */
export async function loadOrgTree(db: Executor) {
  const [departments, members] = await Promise.all([
    db.selectFrom('departments').select(['id', 'name', 'parent_id', 'manager_id']).where('active', '=', 1).execute(),
    db.selectFrom('users').select(['id', 'department_id']).where('active', '=', 1).where('department_id', 'is not', null).execute(),
  ]);
  const children = new Map<number, number[]>();
  for (const d of departments) if (d.parent_id !== null) children.set(d.parent_id, [...(children.get(d.parent_id) ?? []), d.id]);
  const byDept = new Map<number, number[]>();
  for (const m of members) byDept.set(m.department_id!, [...(byDept.get(m.department_id!) ?? []), m.id]);
  const membersBelow = (departmentId: number): number[] => {
    const ids: number[] = [];
    const stack = [departmentId];
    const seen = new Set<number>();
    while (stack.length) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      ids.push(...(byDept.get(id) ?? []));
      stack.push(...(children.get(id) ?? []));
    }
    return ids;
  };
  return { departments, membersBelow };
}
