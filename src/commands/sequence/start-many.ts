import type { WebClient } from '@slack/web-api';
import { parse } from 'csv-parse/sync';
import type { Sequence } from '../../engines/optimizer/index.js';
import { InputError, NotFoundError } from '../../errors.js';
import { type EnrolOutcome, enrolMany } from '../../jobs/enrol.js';
import type { Followups } from '../../jobs/followups.js';
import { repProfile } from '../../jobs/rep-profile.js';
import type { Logger } from '../../logger.js';
import type { Enrolment } from '../../store/enrolments.js';
import { findSequence, type ResolvedLead, resolveLead } from './start.js';

/** Leads one `sequence start` enrols at most, so its answer fits one message. */
export const MAX_LEADS_PER_START = 100;

/** A company's legal form that follows a comma in its name ("Acme, Inc."): part of the name, not a lead. */
const LEGAL_FORM =
  /^(inc|llc|llp|ltd|limited|gmbh|corp|corporation|co|plc|ag|sa|s\.a|bv|nv|pty ltd|pte ltd)\.?$/i;

/** The ids of a team's leads at a stage, newest first (the leads store's idsInStage). */
type IdsInStage = (teamId: string, stage: string, limit: number) => Promise<string[]>;

/** What `sequence start` names: one lead, several (comma-separated), or every lead at a stage. */
export type StartTarget = { leads: string[] } | { stage: string };

/**
 * Reads the leads part of `sequence start`: `Acme`, `Acme, Globex, "Initech, Inc."`, or `stage:Proposal`.
 * A name with a comma is quoted, or keeps its legal form after the comma (`Acme, Inc.`).
 */
export function parseStartTarget(text: string): StartTarget {
  const stage = /^stage\s*[:=]\s*(.+)$/i.exec(text.trim());
  if (stage?.[1]) return { stage: stage[1].trim().replace(/^["“']|["”']$/g, '') };
  if (!text.includes(',')) return { leads: [text] };
  // Slack turns typed quotes into curly ones; the CSV reader splits on commas outside straight quotes.
  const straight = text.replace(/[“”]/g, '"');
  let cells: string[];
  try {
    [cells = []] = parse(straight, { trim: true, relax_column_count: true }) as string[][];
  } catch {
    throw new InputError(
      'Separate leads with commas and put a name that has a comma in quotes, such as `/sales-ops sequence start Globex, "Acme, Inc."`.',
    );
  }
  const leads: string[] = [];
  for (const cell of cells) {
    const previous = leads.length - 1;
    if (LEGAL_FORM.test(cell) && previous >= 0) leads[previous] = `${leads[previous]}, ${cell}`;
    else if (cell !== '') leads.push(cell);
  }
  return { leads };
}

/** The leads a start names, resolved; refuses the whole command when one cannot be, so nothing is enrolled. */
async function targetLeads(
  args: { f: Followups; teamId: string; target: StartTarget },
  idsInStage: IdsInStage | undefined,
): Promise<ResolvedLead[]> {
  const { f, teamId, target } = args;
  if ('stage' in target) {
    if (!idsInStage) throw new Error('starting a stage needs the leads store');
    const ids = await idsInStage(teamId, target.stage, MAX_LEADS_PER_START + 1);
    if (ids.length === 0)
      throw new NotFoundError(
        `No lead is at the stage "${target.stage}". Stages are named as the scorecard shows them, such as \`stage:Qualified\`.`,
      );
    if (ids.length > MAX_LEADS_PER_START) throw tooMany(`at the stage "${target.stage}"`);
    return Promise.all(ids.map((id) => resolveLead(f, teamId, id)));
  }
  if (target.leads.length > MAX_LEADS_PER_START) throw tooMany('named');
  const leads = await Promise.all(target.leads.map((ref) => resolveLead(f, teamId, ref)));
  const seen = new Set<string>();
  return leads.filter((lead) => !seen.has(lead.id) && seen.add(lead.id));
}

const tooMany = (which: string) =>
  new InputError(
    `More than ${MAX_LEADS_PER_START} leads are ${which}; one \`sequence start\` enrols at most ${MAX_LEADS_PER_START}. Name fewer, or start them in parts.`,
  );

/** One lead of a bulk start and what came of it. */
export interface StartedLead {
  lead: ResolvedLead;
  outcome: EnrolOutcome;
}

/**
 * Enrols several leads in one sequence in one batch (one round of writes for all of them): each lead's
 * reminders go to its owner, or to the person enrolling, on the owner's calendar. A lead already in a
 * sequence is reported and the others are enrolled; a lead that cannot be found refuses the whole start.
 */
export async function startMany(args: {
  f: Followups;
  client: WebClient;
  teamId: string;
  enterpriseId?: string | undefined;
  userId: string;
  target: StartTarget;
  sequence: Sequence;
  now: Date;
  logger: Logger;
  idsInStage?: IdsInStage;
}): Promise<StartedLead[]> {
  const { f, teamId } = args;
  const leads = await targetLeads({ f, teamId, target: args.target }, args.idsInStage);
  const owners = [...new Set(leads.map((l) => l.lead?.ownerId || args.userId))];
  const zones = new Map(
    await Promise.all(
      owners.map(async (ownerId) => {
        const profile = await repProfile(
          { client: args.client, calendars: f.calendars, teamId, userId: ownerId, logger: args.logger },
          f.defaultZone,
        );
        return [ownerId, profile.tz] as const;
      }),
    ),
  );
  const inputs = leads.map((lead) => {
    const ownerId = lead.lead?.ownerId || args.userId;
    return {
      teamId,
      enterpriseId: args.enterpriseId,
      leadId: lead.id,
      leadName: lead.name,
      ownerId,
      enrolledBy: args.userId,
      sequence: args.sequence,
      now: args.now,
      timezone: zones.get(ownerId) ?? f.defaultZone,
    };
  });
  const outcomes = await enrolMany(f, inputs);
  return leads.map((lead, i) => ({
    lead,
    outcome: outcomes[i] ?? { error: new Error('enrolling returned nothing') },
  }));
}

/**
 * Enrols one lead in a sequence (the default unless named): the reminders go to the lead's owner, or to
 * the person enrolling when the lead has none, at their working hour in their Slack time zone. Throws the
 * reason (already enrolled, unknown lead or sequence) when it cannot.
 */
export async function startSequence(args: {
  f: Followups;
  client: WebClient;
  teamId: string;
  enterpriseId?: string | undefined;
  userId: string;
  leadRef: string;
  sequenceId?: string | undefined;
  now: Date;
  logger: Logger;
}): Promise<Enrolment> {
  const { leadRef, sequenceId, ...rest } = args;
  const sequence = await findSequence(args.f, args.teamId, sequenceId);
  const [started] = await startMany({ ...rest, target: { leads: [leadRef] }, sequence });
  if (!started) throw new Error('enrolling returned nothing');
  if ('error' in started.outcome) throw started.outcome.error;
  return started.outcome.enrolled;
}
