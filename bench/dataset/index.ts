import { orgDataset } from './org.js';
import { platformDataset } from './platform.js';
import { salesDataset } from './sales.js';
import { deliveryDataset } from './delivery.js';
import { appraisalDataset } from './appraisal.js';
import type { DatasetPart } from './types.js';

/** Every module's dataset part, in the order they run. A new module adds one file and one line here. */
export const DATASET_PARTS: readonly DatasetPart[] = [
  orgDataset,
  platformDataset,
  salesDataset,
  deliveryDataset,
  // appraisal reads the contracts and projects of the parts before it: keep it last.
  appraisalDataset,
];
