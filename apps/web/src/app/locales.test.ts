import { describe, expect, it } from 'vitest';
import { zhCN } from './locales/zh-CN';
import { zhTW } from './locales/zh-TW';
import { enUS } from './locales/en-US';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('UI resources', () => {
  const reference = leaves(zhCN);

  for (const [name, resource] of [['zh-TW', zhTW], ['en-US', enUS]] as const) {
    it(`${name} has exactly the keys of zh-CN, each non-empty with the same placeholders`, () => {
      const other = leaves(resource);
      expect([...other.keys()].sort()).toEqual([...reference.keys()].sort());
      for (const [key, text] of reference) {
        const translated = other.get(key)!;
        expect(translated.trim().length, key).toBeGreaterThan(0);
        expect(placeholders(translated), key).toEqual(placeholders(text));
      }
    });
  }

  it('en-US contains no Chinese except language names and the brand', () => {
    const allowed = /^(language\.|app\.brandFull|app\.footer)/;
    for (const [key, text] of leaves(enUS)) {
      if (!allowed.test(key)) expect(/[\u4e00-\u9fff]/.test(text), key).toBe(false);
    }
  });

  it('zh-CN carries no Latin words outside technical terms', () => {
    const technical = /\b(API|Excel|IP|Yunying|Authorization|Bearer|BIZ|English)\b/g;
    for (const [key, text] of leaves(zhCN)) {
      const words = text.replace(/\{\{\w+\}\}/g, '').replace(technical, '');
      expect(/[A-Za-z]{3,}/.test(words), `${key}: ${text}`).toBe(false);
    }
  });
});
