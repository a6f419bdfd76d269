import { describe, expect, it } from 'vitest';
import { checkFileType, extensionOf } from './file-types.js';

const bytes = (...b: number[]) => Uint8Array.from(b);
const text = (s: string) => new TextEncoder().encode(s);
const PDF = text('%PDF-1.7\n%âãÏÓ\n');
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
const JPG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16);
const ZIP = bytes(0x50, 0x4b, 0x03, 0x04, 20, 0);
const OLE = bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
const ALLOWED = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'png', 'jpg', 'jpeg', 'txt', 'csv', 'zip', 'dwg'];

describe('checkFileType', () => {
  it.each([
    ['report.pdf', PDF, { ok: true, ext: 'pdf', mime: 'application/pdf' }],
    ['REPORT.PDF', PDF, { ok: true, ext: 'pdf', mime: 'application/pdf' }],
    ['junk-first.pdf', new Uint8Array([...text('\r\n'), ...PDF]), { ok: true, ext: 'pdf', mime: 'application/pdf' }],
    ['fake.pdf', text('<html><script>alert(1)</script>'), { ok: false, reason: 'content_mismatch' }],
    ['photo.png', PNG, { ok: true, ext: 'png', mime: 'image/png' }],
    ['photo.jpg', PNG, { ok: false, reason: 'content_mismatch' }],
    ['photo.jpeg', JPG, { ok: true, ext: 'jpeg', mime: 'image/jpeg' }],
    ['plan.docx', ZIP, { ok: true, ext: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }],
    ['plan.doc', OLE, { ok: true, ext: 'doc', mime: 'application/msword' }],
    ['plan.doc', ZIP, { ok: false, reason: 'content_mismatch' }],
    ['sheet.xls', OLE, { ok: true, ext: 'xls', mime: 'application/vnd.ms-excel' }],
    ['notes.txt', text('你好，世界\n'), { ok: true, ext: 'txt', mime: 'text/plain' }],
    ['notes.txt', PNG, { ok: false, reason: 'content_mismatch' }],
    ['utf16.csv', bytes(0xff, 0xfe, 0x41, 0), { ok: true, ext: 'csv', mime: 'text/csv' }],
    ['drawing.dwg', bytes(0x41, 0x43, 0x31, 0x30), { ok: true, ext: 'dwg', mime: 'application/octet-stream' }],
    ['script.exe', bytes(0x4d, 0x5a), { ok: false, reason: 'type_not_allowed' }],
    ['page.html', text('<html>'), { ok: false, reason: 'type_not_allowed' }],
    ['passwd', text('root:x:0:0'), { ok: false, reason: 'type_not_allowed' }],
    ['archive.zip', ZIP, { ok: true, ext: 'zip', mime: 'application/zip' }],
    ['empty.txt', new Uint8Array(), { ok: false, reason: 'content_mismatch' }],
  ])('%s', (name, head, expected) => {
    expect(checkFileType(name, head, ALLOWED)).toEqual(expected);
  });
});

describe('extensionOf', () => {
  it.each([
    ['a.pdf', 'pdf'],
    ['a.tar.GZ', 'gz'],
    ['.bashrc', null],
    ['noext', null],
    ['trailing.', null],
  ])('%s → %s', (name, expected) => {
    expect(extensionOf(name)).toBe(expected);
  });
});
