// npm run docs:map: writes docs/module-map.md (the module picture and table) from the code.
import fs from 'node:fs';
import { MODULE_MAP_FILE, renderModuleMap } from './lib/module-map.js';

fs.writeFileSync(MODULE_MAP_FILE, renderModuleMap());
console.log(`wrote ${MODULE_MAP_FILE}`);
