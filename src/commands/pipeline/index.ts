/** The pipeline feature: `/sales-ops pipeline`, stages from the intake or from imported deals. */
export { pipeline, pipelineReport, profileNeededMessage, stagesFor } from './command.js';
