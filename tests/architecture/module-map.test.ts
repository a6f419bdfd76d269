import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MODULE_MAP_FILE, renderModuleMap } from '../../scripts/lib/module-map.js';

describe('docs/module-map.md', () => {
  it('is what the code says (run `npm run docs:map` after changing a module)', () => {
    expect(fs.readFileSync(MODULE_MAP_FILE, 'utf8')).toBe(renderModuleMap());
  });
});
