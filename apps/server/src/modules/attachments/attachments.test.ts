import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '@support/engines.js';
import type { Client, TestApp } from '@support/test-app.js';
import { createPlatformTestApp, metaOf } from '@support/platform-test-app.js';
import { linkAttachments, listAttachments } from '../../platform/files/attachments.js';
import type { ServerModule } from '../../platform/module.js';
import { MODULES } from '../../modules.js';
import { multipartBody, type Part } from '@support/multipart-body.js';
import { localDate } from '@domain/settings/settings.rules.js';

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), crypto.randomBytes(2000), Buffer.from('\n%%EOF\n')]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), crypto.randomBytes(100)]);
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

// Test records of kind 'testdoc': managers read them all; others only record 7.
const testdocModule: ServerModule = { name: 'testdoc', routes: [], tables: [], attachmentAccess: { testdoc: async (_deps, actor, entityId) => actor.role === 'manager' || entityId === 7 } };

function upload(c: Client, parts: Part[], headers: Record<string, string> = {}) {
  const { body, headers: h } = multipartBody(parts);
  return c.request('POST', '/api/attachments', body, { ...h, ...headers });
}

function storedFiles(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describeEngines('attachments', (engine) => {
  let t: TestApp;
  let dataDir: string;
  let filesRoot: string;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yy-files-'));
    filesRoot = path.join(dataDir, 'files');
    t = await createPlatformTestApp(engine, { config: { dataDir }, modules: [...MODULES, testdocModule] });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores an upload under a random name with its hash, and its uploader downloads it with the original name', async () => {
    const me = await t.as('specialist');
    const res = await upload(me, [{ name: 'file', filename: '合同 (终稿).pdf', content: PDF, type: 'text/html' }]);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: '合同 (终稿).pdf', mime: 'application/pdf', size: PDF.length, sha256: sha(PDF), uploadedBy: await t.userId('specialist') });
    const row = await t.database.db.selectFrom('attachments').selectAll().where('id', '=', res.body.id).executeTakeFirstOrThrow();
    expect(row.stored_name).toMatch(/^\d{4}\/\d{2}\/[0-9a-f]{32}$/);
    expect(row.entity_id).toBeNull();
    expect(fs.readFileSync(path.join(filesRoot, row.stored_name)).equals(PDF)).toBe(true);

    const down = await me.get(`/api/attachments/${res.body.id}`);
    expect(down.status).toBe(200);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.headers['content-disposition']).toBe(`attachment; filename="__ (__).pdf"; filename*=UTF-8''%E5%90%88%E5%90%8C%20%28%E7%BB%88%E7%A8%BF%29.pdf`);
    expect(down.headers['x-content-type-options']).toBe('nosniff');
    expect(Number(down.headers['content-length'])).toBe(PDF.length);
    expect(sha(down.raw.rawPayload)).toBe(sha(PDF));

    const audit = await (await t.as('admin')).get(`/api/audit-log?entity=attachment&entityId=${res.body.id}`);
    expect(audit.body.items[0]).toMatchObject({ action: 'upload', after: { name: '合同 (终稿).pdf', sha256: sha(PDF), entity: null } });
  });

  it('shows an unlinked upload to nobody but its uploader', async () => {
    const id = (await upload(await t.as('specialist'), [{ name: 'file', filename: 'a.png', content: PNG }])).body.id;
    for (const user of ['specialist2', 'manager', 'admin']) expect((await (await t.as(user)).get(`/api/attachments/${id}`)).status).toBe(404);
    expect((await t.anonymous().get(`/api/attachments/${id}`)).status).toBe(401);
    expect((await (await t.as('specialist')).get('/api/attachments/999999')).status).toBe(404);
  });

  it('refuses wrong types, disguised content, empty and missing files, leaving nothing on disk', async () => {
    const me = await t.as('pm');
    const before = storedFiles(filesRoot).length;
    const exe = await upload(me, [{ name: 'file', filename: 'setup.exe', content: Buffer.from('MZ\x90\x00') }]);
    expect(exe.status).toBe(400);
    expect(exe.body.error.fields.file).toContain('pdf, doc, docx');
    const fake = await upload(me, [{ name: 'file', filename: 'invoice.pdf', content: '<html><script>alert(1)</script></html>', type: 'application/pdf' }]);
    expect(fake.status).toBe(400);
    expect(fake.body.error.fields).toEqual({ file: '文件内容与扩展名不符' });
    const png = await upload(me, [{ name: 'file', filename: 'photo.jpg', content: PNG }], { 'accept-language': 'en-US' });
    expect(png.body.error.fields).toEqual({ file: 'The file content does not match its extension' });
    expect((await upload(me, [{ name: 'file', filename: 'empty.txt', content: '' }])).body.error.fields).toEqual({ file: '文件为空' });
    expect((await upload(me, [{ name: 'other', filename: 'a.pdf', content: PDF }])).body.error.fields).toEqual({ file: '必填' });
    expect((await upload(me, [{ name: 'entity', value: 'testdoc' }])).body.error.fields).toEqual({ file: '必填' });
    const json = await me.post('/api/attachments', { file: 'x' });
    expect(json.status).toBe(415);
    expect(storedFiles(filesRoot).length).toBe(before);
  });

  it('answers malformed multipart bodies with 4xx, never 5xx', async () => {
    const me = await t.as('pm');
    const two = multipartBody([{ name: 'file', filename: 'a.png', content: PNG }, { name: 'file', filename: 'b.png', content: PNG }]);
    const cases: Array<[string | Buffer, Record<string, string>]> = [
      ['garbage', { 'content-type': 'multipart/form-data' }],
      ['--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4', { 'content-type': 'multipart/form-data; boundary=x' }],
      ['', { 'content-type': 'multipart/form-data; boundary=x' }],
      [two.body, two.headers],
    ];
    for (const [body, headers] of cases) {
      const res = await me.request('POST', '/api/attachments', body, headers);
      expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(400);
      expect(res.status, `${JSON.stringify(res.body)} ${String(body).slice(0, 30)}`).toBeLessThan(500);
    }
  });

  it('keeps a path-traversal name as harmless metadata', async () => {
    const me = await t.as('specialist');
    const passwd = await upload(me, [{ name: 'file', filename: '../../etc/passwd', content: 'root:x:0:0' }]);
    expect(passwd.status).toBe(400);
    const res = await upload(me, [{ name: 'file', filename: '../../../../tmp/evil.txt', content: 'hello' }]);
    expect(res.status).toBe(201);
    expect(res.body.name).toBe('evil.txt');
    const win = await upload(me, [{ name: 'file', filename: '..\\..\\windows\\win.txt', content: 'hello' }]);
    expect(win.body.name).toBe('win.txt');
    const row = await t.database.db.selectFrom('attachments').select('stored_name').where('id', '=', res.body.id).executeTakeFirstOrThrow();
    expect(path.resolve(filesRoot, row.stored_name).startsWith(filesRoot + path.sep)).toBe(true);
    expect(fs.existsSync(path.join(dataDir, '..', 'tmp', 'evil.txt'))).toBe(false);
    for (const f of storedFiles(filesRoot)) expect(path.basename(f)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('enforces the size limit from the setting in force (413)', async () => {
    const admin = await t.as('admin');
    const date = localDate(t.deps.now());
    expect((await admin.post('/api/policies/files.maxUploadMb/versions', { value: 1, effectiveFrom: date })).status).toBe(201);
    const before = storedFiles(filesRoot).length;
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1024 * 1024 + 10, 0x20)]);
    const res = await upload(await t.as('pm'), [{ name: 'file', filename: 'big.pdf', content: big }]);
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', fields: { file: '文件不能超过 1 MB' } });
    expect(storedFiles(filesRoot).length).toBe(before);
    const ok = await upload(await t.as('pm'), [{ name: 'file', filename: 'small.pdf', content: big.subarray(0, 1024 * 1024 - 100) }]);
    expect(ok.status).toBe(201);
    expect((await admin.post('/api/policies/files.allowedTypes/versions', { value: ['png'], effectiveFrom: date })).status).toBe(201);
    expect((await upload(await t.as('pm'), [{ name: 'file', filename: 'x.pdf', content: PDF }])).body.error.fields).toEqual({ file: '不支持的文件类型，允许：png' });
    await t.database.db.deleteFrom('policies').where('key', 'in', ['files.maxUploadMb', 'files.allowedTypes']).execute();
  });

  it('links the uploader’s own unlinked uploads to a record; the module’s check then decides who reads them', async () => {
    const spec = await t.as('specialist');
    const a = (await upload(spec, [{ name: 'file', filename: 'a.pdf', content: PDF }])).body.id as number;
    const b = (await upload(spec, [{ name: 'file', filename: 'b.png', content: PNG }])).body.id as number;
    const theirs = (await upload(await t.as('specialist2'), [{ name: 'file', filename: 'c.png', content: PNG }])).body.id as number;
    const meta = await metaOf(t, 'specialist');
    const linked = await t.database.db.transaction().execute((trx) => linkAttachments(trx, { ids: [a, b, a], entity: 'testdoc', entityId: 7, actor: meta.actor }));
    expect(linked.map((x) => x.name)).toEqual(['a.pdf', 'b.png']);
    expect(Object.keys(linked[0]!).sort()).toEqual(['createdAt', 'id', 'mime', 'name', 'sha256', 'size', 'uploadedBy']);
    expect((await listAttachments(t.database.db, 'testdoc', 7)).map((x) => x.id)).toEqual([a, b]);

    const err = await t.database.db
      .transaction()
      .execute((trx) => linkAttachments(trx, { ids: [a, theirs, 999999], entity: 'testdoc', entityId: 8, actor: meta.actor }))
      .catch((e: unknown) => e as { status: number; fields: Record<string, string> });
    expect(err).toMatchObject({ status: 400, fields: { 'attachmentIds.0': 'field.attachmentNotLinkable', 'attachmentIds.1': 'field.attachmentNotLinkable', 'attachmentIds.2': 'field.attachmentNotLinkable' } });
    expect(await listAttachments(t.database.db, 'testdoc', 8)).toEqual([]);

    // Record 7 is readable by everyone, so its files are.
    expect((await (await t.as('finance')).get(`/api/attachments/${a}`)).status).toBe(200);
    await t.database.db.updateTable('attachments').set({ entity_id: 8 }).where('id', '=', a).execute();
    expect((await (await t.as('finance')).get(`/api/attachments/${a}`)).status).toBe(404);
    expect((await spec.get(`/api/attachments/${a}`)).status).toBe(404);
    expect((await (await t.as('manager')).get(`/api/attachments/${a}`)).status).toBe(200);
  });

  it('links at upload time only to records the uploader may see', async () => {
    const me = await t.as('specialist');
    const ok = await upload(me, [{ name: 'entity', value: 'testdoc' }, { name: 'entityId', value: '7' }, { name: 'file', filename: 'x.pdf', content: PDF }]);
    expect(ok.status).toBe(201);
    expect((await listAttachments(t.database.db, 'testdoc', 7)).map((x) => x.id)).toContain(ok.body.id);
    expect((await upload(me, [{ name: 'file', filename: 'x.pdf', content: PDF }, { name: 'entity', value: 'testdoc' }, { name: 'entityId', value: '9' }])).status).toBe(404);
    const unknown = await upload(me, [{ name: 'file', filename: 'x.pdf', content: PDF }, { name: 'entity', value: 'salary' }, { name: 'entityId', value: '1' }]);
    expect(unknown.body.error.fields).toEqual({ entity: '不支持的关联对象' });
    const bad = await upload(me, [{ name: 'file', filename: 'x.pdf', content: PDF }, { name: 'entityId', value: 'abc' }, { name: 'junk', value: '1' }]);
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['entityId', 'junk']);
  });
});
