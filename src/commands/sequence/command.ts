import { escapeMrkdwn } from '../../blocks/format.js';
import { enrolledManyMessage, enrolledMessage, sequenceListMessage } from '../../blocks/sequence-list.js';
import { stopEnrolment } from '../../jobs/enrolment-actions.js';
import type { Followups } from '../../jobs/followups.js';
import type { CommandDeps, CommandHandler, CommandRequest } from '../types.js';
import { openSequenceEditor } from './editor.js';
import { enrolmentView } from './enrolment-views.js';
import { holidaysCommand } from './holidays.js';
import { findSequence, parseStartArgs, resolveLead } from './start.js';
import { parseStartTarget, type StartTarget, startMany, startSequence } from './start-many.js';

const USAGE = [
  '`/sales-ops sequence` lists sequences and active enrolments',
  '`/sales-ops sequence start Acme [using <id>]` enrols a lead; `start Acme, Globex` or `start stage:Qualified` several',
  '`/sales-ops sequence stop Acme` stops its follow-ups',
  '`/sales-ops sequence edit [<id>]` or `new` opens the editor',
  '`/sales-ops sequence holidays [dates|clear]` shows or sets team holidays',
].join('\n');

async function list(request: CommandRequest, f: Followups): Promise<void> {
  const [sequences, active] = await Promise.all([
    f.sequences.list(request.teamId),
    f.enrolments.listActive(request.teamId),
  ]);
  await request.reply(sequenceListMessage(sequences, active.map(enrolmentView)));
}

async function stop(request: CommandRequest, f: Followups, args: string, now: Date): Promise<void> {
  const lead = await resolveLead(f, request.teamId, args);
  const active = await f.enrolments.activeForLead(request.teamId, lead.id);
  if (!active) {
    await request.reply({
      text: `${escapeMrkdwn(lead.name)} has no active follow-up sequence, so there is nothing to stop. \`/sales-ops sequence\` lists the active ones.`,
    });
    return;
  }
  const { enrolment } = await stopEnrolment(f, request.teamId, active.id, request.userId, now);
  await request.reply({
    text: `Stopped "${escapeMrkdwn(enrolment.sequence.name)}" for ${escapeMrkdwn(enrolment.leadName)}: no more follow-ups for this lead.`,
  });
}

async function edit(request: CommandRequest, f: Followups, args: string, create: boolean): Promise<void> {
  if (!request.triggerId) {
    await request.reply({ text: "Open the editor from the slash command or the list's Edit button." });
    return;
  }
  const id = args.trim().toLowerCase() || 'default';
  const sequence = create ? undefined : await f.sequences.get(request.teamId, id);
  if (!create && !sequence) {
    const ids = (await f.sequences.list(request.teamId)).map((s) => `\`${s.id}\``).join(', ');
    await request.reply({ text: `There is no sequence \`${escapeMrkdwn(id)}\`. Your sequences: ${ids}.` });
    return;
  }
  await openSequenceEditor(request.client, request.triggerId, sequence, request.channelId);
}

/** `sequence start` of several leads, or of a stage's: one batch, one answer listing who was enrolled. */
async function startSeveral(
  request: CommandRequest,
  deps: CommandDeps,
  target: StartTarget,
  sequenceId: string | undefined,
): Promise<void> {
  const f = deps.followups;
  const sequence = await findSequence(f, request.teamId, sequenceId);
  const started = await startMany({
    f,
    client: request.client,
    teamId: request.teamId,
    enterpriseId: request.enterpriseId,
    userId: request.userId,
    target,
    sequence,
    now: deps.now(),
    logger: deps.logger,
    idsInStage: (teamId, stage, limit) => deps.store.leads.idsInStage(teamId, stage, limit),
  });
  const enrolled = started.flatMap((s) =>
    'enrolled' in s.outcome ? [enrolmentView(s.outcome.enrolled)] : [],
  );
  const refused = started.flatMap((s) =>
    'error' in s.outcome ? [{ leadName: s.lead.name, reason: s.outcome.error.message }] : [],
  );
  await request.reply(enrolledManyMessage(sequence.name, enrolled, refused));
}

/** `/sales-ops sequence`: list, start, stop, edit, new, holidays. */
export const sequence: CommandHandler = async (request, deps) => {
  const f = deps.followups;
  const text = request.args.trim();
  const space = text.indexOf(' ');
  const word = (space === -1 ? text : text.slice(0, space)).toLowerCase();
  const rest = space === -1 ? '' : text.slice(space + 1);
  switch (word) {
    case '':
    case 'list':
      return await list(request, f);
    case 'start':
    case 'enrol':
    case 'enroll': {
      const { lead, sequenceId } = parseStartArgs(rest);
      const target = parseStartTarget(lead);
      if ('stage' in target || target.leads.length > 1)
        return await startSeveral(request, deps, target, sequenceId);
      const enrolment = await startSequence({
        f,
        client: request.client,
        teamId: request.teamId,
        userId: request.userId,
        leadRef: lead,
        sequenceId,
        now: deps.now(),
        logger: deps.logger,
      });
      return await request.reply(enrolledMessage(enrolmentView(enrolment)));
    }
    case 'stop':
      return await stop(request, f, rest, deps.now());
    case 'edit':
    case 'new':
      return await edit(request, f, rest, word === 'new');
    case 'holidays':
      return await holidaysCommand(request, f, rest);
    default:
      await request.reply({ text: `\`${escapeMrkdwn(word)}\` is not a sequence command. Try:\n${USAGE}` });
  }
};
