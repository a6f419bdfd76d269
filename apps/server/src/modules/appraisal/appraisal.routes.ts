import type { AnyRoute } from '../../platform/http/route.js';
import { templateRoutes } from './templates.routes.js';
import { cycleRoutes } from './cycles.routes.js';
import { appraisalRoutes as appraisalRecordRoutes } from './appraisals.routes.js';
import { reviewRoutes } from './reviews.routes.js';
import { kpiAttendanceRoutes } from './kpi-attendance.routes.js';
import { reportResultRoutes } from './reports-results.routes.js';

/** Every route of the appraisal module [4]. */
export const appraisalRoutes: AnyRoute[] = [...templateRoutes, ...cycleRoutes, ...appraisalRecordRoutes, ...reviewRoutes, ...kpiAttendanceRoutes, ...reportResultRoutes];
