import { formatMoney } from '../../engines/format.js';
import { readAmount } from '../../engines/money.js';
import type { CommandHandler } from '../types.js';
import { mentionedUser } from './parse.js';
import { resolvePerson, unknownPerson } from './service.js';

const USAGE =
  "Set a rep's quarterly quota with `/sales-ops quota @rep 250k`; `/sales-ops quota` lists them, `/sales-ops quota @rep off` removes one.";

/** `/sales-ops quota @rep 250k` sets a rep's quarterly quota for the digest's section by rep; alone, lists them. */
export const quota: CommandHandler = async (request, deps) => {
  const text = request.args.trim();
  const { teamId } = request;
  if (text === '') {
    const quotas = [...(await deps.store.alerts.quotas(teamId)).entries()];
    if (quotas.length === 0) return request.reply({ text: `No quotas are set. ${USAGE}` });
    const lines = quotas
      .sort(([, a], [, b]) => b - a)
      .map(([rep, amount]) => `• ${/^[UW][A-Z0-9]+$/.test(rep) ? `<@${rep}>` : rep}: ${formatMoney(amount)}`);
    return request.reply({ text: `*Quarterly quotas*\n${lines.join('\n')}` });
  }
  const [who = '', ...rest] = text.split(/\s+/);
  const person = mentionedUser(who);
  if (person === undefined) return request.reply({ text: `Mention the rep with @ first. ${USAGE}` });
  const userId = await resolvePerson(request.client, person);
  if (userId === undefined) return request.reply({ text: unknownPerson(person) });
  const amountText = rest.join(' ');
  if (/^(off|none|remove|clear)$/i.test(amountText)) {
    await deps.store.alerts.setQuota(teamId, userId, null);
    return request.reply({ text: `<@${userId}> has no quota now.` });
  }
  if (amountText === '') return request.reply({ text: `Give the amount after the rep. ${USAGE}` });
  const read = readAmount('Quota', amountText);
  if ('error' in read) return request.reply({ text: read.error });
  if (!(read.value.amount > 0)) return request.reply({ text: 'Quota: must be above 0; try 250k.' });
  await deps.store.alerts.setQuota(teamId, userId, read.value.amount);
  return request.reply({
    text: `<@${userId}>'s quarterly quota is now ${formatMoney(read.value.amount)}; the weekly digest measures coverage and attainment against it.`,
  });
};
