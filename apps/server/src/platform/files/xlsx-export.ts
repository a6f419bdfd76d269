import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';

export type XlsxColumn = { header: string; key: string; width?: number };

// exceljs's sheet buffer writes into the zip entry (a readable-stream v2 PassThrough made by
// archiver) without heeding backpressure, so the writer waits here until the compressor and the
// response have caught up; otherwise a large export builds the whole zip in memory first.
type Pipe = NodeJS.EventEmitter & { _writableState?: { length: number; needDrain: boolean } };

async function drained(sheet: unknown, out: PassThrough): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  const pipes: Pipe[] = (sheet as { stream?: { pipes?: Pipe[] } }).stream?.pipes ?? [];
  for (const pipe of pipes) {
    while (pipe._writableState?.needDrain && pipe._writableState.length > 0 && !out.destroyed) {
      // A client that goes away never drains the pipe: its 'close' ends the wait too.
      const done = new AbortController();
      await Promise.race([once(pipe, 'drain', { signal: done.signal }), once(out, 'close', { signal: done.signal })]).catch(() => undefined);
      done.abort();
    }
  }
}

/** Streams rows into an .xlsx answer without holding the workbook in memory. */
export async function streamXlsx(reply: FastifyReply, fileName: string, sheetName: string, columns: XlsxColumn[], rows: AsyncIterable<Record<string, unknown>>) {
  const stream = new PassThrough();
  reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="${encodeURIComponent(fileName)}"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  // Loaded on first export: exceljs alone costs about half of a cold start.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  void (async () => {
    try {
      let n = 0;
      for await (const row of rows) {
        sheet.addRow(row).commit();
        if (++n % 200 === 0) await drained(sheet, stream);
        if (stream.destroyed) return; // the client went away: stop reading rows
      }
      sheet.commit();
      await workbook.commit();
    } catch (err) {
      stream.destroy(err as Error);
    }
  })();
  return reply.send(stream);
}
