import { orgDataset } from './org.js';
import { platformDataset } from './platform.js';
import type { DatasetPart } from './types.js';

/** Every module's dataset part, in the order they run. A new module adds one file and one line here. */
export const DATASET_PARTS: readonly DatasetPart[] = [orgDataset, platformDataset];
