import type { Job } from 'bullmq';
import { digestJobSchema } from '../jobs/digest-job.js';
import type { Followups } from '../jobs/followups.js';
import { reminderJobSchema } from '../jobs/job-data.js';
import { JOB_NAMES } from '../jobs/queues.js';
import type { DescribeJob } from './time-travel.js';

/** Labels reminder and digest jobs with the lead, step and channel they are about. */
export function describeJobs(followups: Pick<Followups, 'enrolments'>, channelName: (id: string) => string) {
  const describe: DescribeJob = async (job: Job) => {
    if (job.name === JOB_NAMES.digest) {
      const data = digestJobSchema.safeParse(job.data);
      return data.success ? `Weekly digest in #${channelName(data.data.channel)}` : 'Weekly digest';
    }
    if (job.name === JOB_NAMES.reminder) {
      const data = reminderJobSchema.safeParse(job.data);
      if (!data.success) return 'Follow-up reminder';
      const enrolment = await followups.enrolments.get(data.data.teamId, data.data.enrolmentId);
      const step = enrolment?.steps[data.data.step];
      if (!enrolment || !step) return `Follow-up step ${data.data.step + 1}`;
      return `Follow-up for ${enrolment.leadName}: step ${data.data.step + 1} of ${enrolment.steps.length} (${step.channel})`;
    }
    return job.name;
  };
  return describe;
}
