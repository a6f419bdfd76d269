import { PassThrough, Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { describe, expect, it } from 'vitest';
import { streamXlsx } from './xlsx-export.js';

const COLUMNS = [
  { header: '编号', key: 'id' },
  { header: '内容', key: 'text' },
];

async function* rows(n: number) {
  for (let i = 1; i <= n; i++) {
    if (i % 1000 === 0) await Promise.resolve();
    yield { id: i, text: `第 ${i} 行：客户拜访纪要` };
  }
}

/** A reply that pipes the answer into `sink` and remembers the headers. */
function fakeReply(sink: Writable) {
  const headers: Record<string, string> = {};
  const reply = {
    header: (k: string, v: string) => ((headers[k] = v), reply),
    send: (stream: PassThrough) => (stream.pipe(sink), reply),
  };
  return { reply: reply as unknown as FastifyReply, headers };
}

describe('streamed .xlsx export', () => {
  it('writes every row, in order, readable by a spreadsheet reader, with a UTF-8 file name', async () => {
    const chunks: Buffer[] = [];
    const sink = new Writable({ write: (c, _e, cb) => (chunks.push(c), setImmediate(cb)) });
    const finished = new Promise((r) => sink.on('finish', r));
    const { reply, headers } = fakeReply(sink);
    await streamXlsx(reply, '审计日志.xlsx', '审计日志', COLUMNS, rows(5000));
    await finished;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.concat(chunks) as never);
    const sheet = book.getWorksheet('审计日志')!;
    expect(sheet.rowCount).toBe(5001);
    expect(sheet.getRow(1).values).toEqual([undefined, '编号', '内容']);
    expect(sheet.getRow(5001).values).toEqual([undefined, 5000, '第 5000 行：客户拜访纪要']);
    expect(headers['content-disposition']).toContain("filename*=UTF-8''%E5%AE%A1");
  });

  it('stops reading rows when the client goes away', async () => {
    let read = 0;
    async function* counted() {
      for await (const r of rows(200_000)) {
        read++;
        yield r;
      }
    }
    // A client that reads a little and disconnects.
    let received = 0;
    const sink = new Writable({ highWaterMark: 1024, write: (c, _e, cb) => ((received += c.length), received > 20_000 ? cb(new Error('client gone')) : setImmediate(cb)) });
    const { reply } = fakeReply(sink);
    let out: PassThrough | undefined;
    const spy = reply as unknown as { send: (s: PassThrough) => unknown };
    const send = spy.send;
    spy.send = (s) => ((out = s), sink.on('error', () => s.destroy()), send(s));
    await streamXlsx(reply, 'a.xlsx', 'a', COLUMNS, counted());
    await new Promise((r) => out!.on('close', r));
    await new Promise((r) => setTimeout(r, 200));
    const afterClose = read;
    await new Promise((r) => setTimeout(r, 200));
    expect(read).toBe(afterClose);
    expect(read).toBeLessThan(200_000);
  });
});
