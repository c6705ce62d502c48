/** The manager's digest by rep: pipeline, the week's moves, quota, leaderboards and the forecast line. */

export {
  MIN_CLOSED_FOR_WIN_RATE,
  NO_OWNER,
  quotasFromDeals,
  type RepInput,
  repReport,
  weekOf,
} from './compute.js';
export { forecastCategory, forecastOf } from './forecast.js';
export type { Forecast, RepReport, RepRow } from './types.js';
