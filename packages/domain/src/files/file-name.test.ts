import { describe, expect, it } from 'vitest';
import { contentDisposition, safeOriginalName } from './file-name.js';

describe('safeOriginalName', () => {
  it.each([
    ['report.pdf', 'report.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\windows\\win.ini', 'win.ini'],
    ['/abs/path/合同.docx', '合同.docx'],
    ['..', 'file'],
    ['', 'file'],
    ['evil\u202Efdp.exe', 'evilfdp.exe'],
    ['line\nbreak\u0000.txt', 'linebreak.txt'],
    ['  .hidden.txt ', 'hidden.txt'],
  ])('%j → %j', (raw, expected) => {
    expect(safeOriginalName(raw)).toBe(expected);
  });

  it('bounds the length and keeps the extension', () => {
    const name = safeOriginalName(`${'长'.repeat(500)}.xlsx`);
    expect(name.length).toBe(200);
    expect(name.endsWith('.xlsx')).toBe(true);
  });
});

describe('contentDisposition', () => {
  it.each([
    ['report.pdf', `attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`],
    ['合同 (终稿).pdf', `attachment; filename="__ (__).pdf"; filename*=UTF-8''%E5%90%88%E5%90%8C%20%28%E7%BB%88%E7%A8%BF%29.pdf`],
    ['a"b\\c;d.txt', `attachment; filename="a_b_c_d.txt"; filename*=UTF-8''a%22b%5Cc%3Bd.txt`],
    ["it's*.txt", `attachment; filename="it's*.txt"; filename*=UTF-8''it%27s%2A.txt`],
  ])('%s', (name, expected) => {
    expect(contentDisposition(name)).toBe(expected);
  });
});
