import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '@support/engines.js';
import { createTestApp, type Client, type TestApp } from '@support/test-app.js';

type Item = { id: number } & Record<string, unknown>;

/** Every page of a list at `pageSize`, and the total each page reported. */
async function allPages(c: Client, path: string, pageSize: number): Promise<{ items: Item[]; totals: number[] }> {
  const items: Item[] = [];
  const totals: number[] = [];
  for (let page = 1; page < 100; page++) {
    const res = await c.get(`${path}${path.includes('?') ? '&' : '?'}page=${page}&pageSize=${pageSize}`);
    expect(res.status).toBe(200);
    totals.push(res.body.total);
    items.push(...res.body.items);
    if (res.body.items.length < pageSize) break;
  }
  return { items, totals };
}

// Big lists page on a narrow query (ids of the main table) and then read those rows with every join:
// paging, filters, scopes and sorts must give exactly what one big page gives.
describeEngines('list paging on the narrow query', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  it.each([
    ['manager', '/api/leads'],
    ['deputy', '/api/leads'],
    ['specialist', '/api/leads?status=assigned,analyzed,converted'],
    ['manager', '/api/customers'],
    ['deputy', '/api/customers?sort=name'],
    ['specialist', '/api/customers'],
    ['manager', '/api/proposals'],
    ['deputy', '/api/proposals?sort=-total'],
    ['manager', '/api/contracts'],
    ['deputy', '/api/contracts'],
    ['manager', '/api/projects'],
    ['manager', '/api/projects?sort=-percentComplete'],
    ['deputy', '/api/projects?sort=budgetUsage'],
    ['pm', '/api/projects?mine=true'],
    ['manager', '/api/expenses'],
    ['pm', '/api/expenses?sort=-amount'],
    ['specialist', '/api/expenses'],
  ])('%s %s: pages of 3 join up to the one big page, in order, with one total', async (user, path) => {
    const c = await t.as(user);
    const big = await c.get(`${path}${path.includes('?') ? '&' : '?'}page=1&pageSize=200`);
    expect(big.status).toBe(200);
    expect(big.body.items.length).toBe(big.body.total);
    const paged = await allPages(c, path, 3);
    expect(paged.items.map((i) => i.id)).toEqual(big.body.items.map((i: Item) => i.id));
    expect(new Set(paged.totals)).toEqual(new Set([big.body.total]));
    // The rows are the full records, not just ids.
    for (const item of paged.items.slice(0, 3)) expect(Object.keys(item).length).toBeGreaterThan(8);
  });

  it('each scope sees exactly the records it may open, and no more', async () => {
    const manager = await t.as('manager');
    for (const user of ['deputy', 'pm', 'specialist', 'specialist2']) {
      const c = await t.as(user);
      for (const list of ['/api/customers', '/api/leads', '/api/proposals', '/api/contracts', '/api/projects']) {
        const everything = (await manager.get(`${list}?pageSize=200`)).body.items as Item[];
        const seen = new Set(((await c.get(`${list}?pageSize=200`)).body.items as Item[]).map((i) => i.id));
        for (const record of everything) {
          const status = (await c.get(`${list}/${record.id}`)).status;
          expect([user, list, record.id, status === 200]).toEqual([user, list, record.id, seen.has(record.id)]);
        }
      }
    }
  });

  it('search reaches the customer name (leads, projects) and the project name (expenses) without joins in the narrow query', async () => {
    const manager = await t.as('manager');
    const lead = (await manager.get('/api/leads?pageSize=1')).body.items[0] as { customerName: string };
    const word = lead.customerName.slice(0, 4);
    const leads = (await manager.get(`/api/leads?q=${encodeURIComponent(word)}&pageSize=200`)).body.items as { customerName: string; title: string }[];
    expect(leads.length).toBeGreaterThan(0);
    for (const l of leads) expect(l.customerName.includes(word) || l.title.includes(word)).toBe(true);

    const project = (await manager.get('/api/projects?pageSize=1')).body.items[0] as { customerName: string };
    const byCustomer = (await manager.get(`/api/projects?q=${encodeURIComponent(project.customerName)}&pageSize=200`)).body.items as { customerName: string }[];
    expect(byCustomer.map((p) => p.customerName)).toContain(project.customerName);

    const expense = (await manager.get('/api/expenses?pageSize=1')).body.items[0] as { projectName: string };
    const byProject = (await manager.get(`/api/expenses?q=${encodeURIComponent(expense.projectName)}&pageSize=200`)).body.items as { projectName: string; description: string }[];
    expect(byProject.length).toBeGreaterThan(0);
    for (const e of byProject) expect(e.projectName === expense.projectName || e.description.includes(expense.projectName)).toBe(true);
  });

  it.each([
    ['/api/leads', 'code'],
    ['/api/proposals', 'code'],
    ['/api/contracts', 'number'],
    ['/api/projects', 'code'],
  ])('%s is found by its %s typed in part, in any case', async (list, field) => {
    const manager = await t.as('manager');
    const record = (await manager.get(`${list}?pageSize=1`)).body.items[0] as Record<string, string> & { id: number };
    const typed = record[field]!.slice(0, record[field]!.length - 2).toLowerCase();
    const found = (await manager.get(`${list}?q=${encodeURIComponent(typed)}&pageSize=200`)).body.items as Record<string, string>[];
    expect(found.map((r) => r.id)).toContain(record.id);
    for (const r of found) expect(r[field]!.startsWith(typed.toUpperCase()) || JSON.stringify(r).toLowerCase().includes(typed)).toBe(true);
  });

  it('sorting by a project figure follows the figure; the health filter keeps only that health', async () => {
    const manager = await t.as('manager');
    const sorted = (await manager.get('/api/projects?sort=-percentComplete&pageSize=200')).body.items as { percentComplete: number | null }[];
    // Where projects without figures go (first or last) is the engine's way with nulls.
    const values = sorted.map((p) => p.percentComplete).filter((v): v is number => v !== null);
    expect(values.length).toBeGreaterThan(3);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    for (const health of ['green', 'amber', 'red']) {
      const items = (await manager.get(`/api/projects?health=${health}&pageSize=200`)).body.items as { health: string }[];
      for (const p of items) expect(p.health).toBe(health);
    }
  });
});
