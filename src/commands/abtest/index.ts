/** The A/B test feature: `/sales-ops abtest`, and the sample plans a saved sequence starts with. */
export { abtest } from './command.js';
export { fixAbPlans } from './plan.js';
