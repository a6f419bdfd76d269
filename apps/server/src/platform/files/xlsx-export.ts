import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';

export type XlsxColumn = { header: string; key: string; width?: number };

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
      for await (const row of rows) sheet.addRow(row).commit();
      sheet.commit();
      await workbook.commit();
    } catch (err) {
      stream.destroy(err as Error);
    }
  })();
  return reply.send(stream);
}
