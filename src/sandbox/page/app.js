// The sandbox page: a person switcher, #sales, the DM with the bot and the Home tab, drawn from what the
// Slack stand-in holds, refreshed by polling; every click becomes a signed request to the app.
import { collectValues, renderModal, showErrors } from './modal.js';
import { esc, mrkdwn } from './mrkdwn.js';
import { mainHtml, sideHtml, when } from './render.js';

const POLL_MS = 500;
const ui = {
  user: localStorage.getItem('sandbox-user') ?? '',
  tab: localStorage.getItem('sandbox-tab') ?? 'channel',
  data: null,
  raw: '',
  shown: { main: '', modal: '', errors: '', side: '' },
  clientProblems: {},
};
const $ = (sel) => document.querySelector(sel);

async function api(name, body) {
  const res = await fetch(`/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const result = await res.json();
  if (!result.ok && !result.problems) toast(result.error, 'error');
  refreshSoon();
  return result;
}

let toastTimer;
function toast(message, kind = 'info') {
  const el = $('#toast');
  el.innerHTML = mrkdwn(message);
  el.className = `toast ${kind}`;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    el.className = 'toast hidden';
  }, 6000);
}

const ctx = () => ({ names: ui.data?.names ?? {}, people: ui.data?.people ?? [] });

function render() {
  const d = ui.data;
  document.querySelectorAll('[data-tab]').forEach((t) => {
    t.classList.toggle('active', t.dataset.tab === ui.tab);
  });
  $('#title').textContent = { channel: `# ${d.channel.name}`, dm: 'sales-ops', home: 'sales-ops · Home' }[
    ui.tab
  ];
  $('#composer').classList.toggle('hidden', ui.tab === 'home');
  const side = sideHtml(d);
  if (side !== ui.shown.side) {
    $('#side').innerHTML = side;
    ui.shown.side = side;
  }
  const main = mainHtml(d, ui.tab);
  if (main !== ui.shown.main) {
    const list = $('#messages');
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
    list.innerHTML = main;
    if (atBottom || ui.shown.main === '') {
      list.scrollTop = list.scrollHeight;
      // Images (the digest chart) grow the list once loaded; stay at the bottom when that happens.
      for (const img of list.querySelectorAll('img'))
        img.addEventListener('load', () => {
          list.scrollTop = list.scrollHeight;
        });
    }
    ui.shown.main = main;
  }
  renderModalLayer();
}

function renderModalLayer() {
  const modal = ui.data.modal;
  const layer = $('#modal-layer');
  const top = modal?.views.at(-1);
  const key = top ? `${top.id}:${top.hash}:${modal.views.length}` : '';
  if (key !== ui.shown.modal) {
    layer.innerHTML = top ? renderModal(modal, ctx()) : '';
    ui.shown.modal = key;
    ui.shown.errors = '';
    ui.clientProblems = {};
  }
  if (!top) return;
  const errors = { ...modal.errors, ...ui.clientProblems };
  const errorKey = JSON.stringify([errors, modal.ackProblems]);
  if (errorKey !== ui.shown.errors) {
    showErrors(layer, errors, modal.ackProblems);
    ui.shown.errors = errorKey;
  }
}

async function refresh() {
  const asked = ui.user;
  const res = await fetch(`/api/state?user=${encodeURIComponent(asked)}`);
  const text = await res.text();
  if (!res.ok) {
    ui.user = '';
    return;
  }
  // A person switch while this request was out makes its answer stale.
  if (asked !== ui.user || text === ui.raw) return;
  ui.raw = text;
  ui.data = JSON.parse(text);
  ui.user = ui.data.me;
  render();
}

let soon;
function refreshSoon() {
  clearTimeout(soon);
  soon = setTimeout(() => refresh().catch(() => undefined), 50);
}

/** Where an element sits: a message, the Home tab or a modal view. */
function containerOf(el) {
  const msg = el.closest('[data-ts]');
  if (msg) return { message: { channel: msg.dataset.channel, ts: msg.dataset.ts } };
  const view = el.closest('[data-view-id]');
  return view ? { viewId: view.dataset.viewId } : {};
}

function confirmFirst(el) {
  if (!el.dataset.confirm) return Promise.resolve(true);
  const c = JSON.parse(el.dataset.confirm);
  const dialog = $('#confirm');
  dialog.innerHTML = `<form method="dialog"><h3>${esc(c.title?.text ?? 'Are you sure?')}</h3><p>${mrkdwn(c.text?.text ?? '')}</p>
    <menu><button class="btn" value="no">${esc(c.deny?.text ?? 'Cancel')}</button><button class="btn ${c.style === 'danger' ? 'danger' : 'primary'}" value="yes">${esc(c.confirm?.text ?? 'Yes')}</button></menu></form>`;
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'yes'), { once: true });
  });
}

function action(el, value) {
  return api('action', {
    user: ui.user,
    actionId: el.dataset.actionId,
    ...(el.dataset.blockId ? { blockId: el.dataset.blockId } : {}),
    ...(value === undefined ? {} : { value }),
    ...containerOf(el),
  });
}

async function onClick(event) {
  const t = event.target;
  const tab = t.closest('[data-tab]');
  if (tab) return openTab(tab.dataset.tab);
  const person = t.closest('[data-person]');
  if (person) return switchPerson(person.dataset.person);
  if (t.closest('#fast-forward')) return fastForward();
  const button = t.closest('button[data-kind="button"]');
  if (button) {
    if (!(await confirmFirst(button))) return;
    if (button.dataset.url) window.open(button.dataset.url, '_blank', 'noopener');
    return action(button);
  }
  const modal = t.closest('.modal');
  if (modal && t.closest('[data-submit]')) return submit(modal);
  if (modal && t.closest('[data-close]'))
    return api('close', { user: ui.user, viewId: modal.dataset.viewId });
  if (modal && t.closest('[data-close-all]')) return closeAll();
}

async function closeAll() {
  for (const view of [...(ui.data.modal?.views ?? [])].reverse())
    await api('close', { user: ui.user, viewId: view.id });
}

async function submit(modal) {
  const values = await collectValues(modal);
  ui.clientProblems = {};
  const result = await api('submit', { user: ui.user, viewId: modal.dataset.viewId, values });
  if (result.problems) {
    ui.clientProblems = result.problems;
    ui.shown.errors = '';
    renderModalLayer();
  }
}

function onChange(event) {
  const el = event.target.closest('[data-kind]');
  if (!el || el.closest('[data-input-block]')) return;
  const kind = el.dataset.kind;
  if (kind === 'multi_static_select')
    return action(
      el,
      [...el.selectedOptions].map((o) => o.value),
    );
  if (kind === 'checkboxes')
    return action(
      el,
      [...el.querySelectorAll('input:checked')].map((i) => i.value),
    );
  if (kind === 'radio_buttons') return action(el, event.target.value);
  if (['static_select', 'overflow', 'users_select', 'datepicker', 'timepicker'].includes(kind) && el.value)
    return action(el, el.value);
}

async function fastForward() {
  const result = await api('fast-forward', {});
  if (result.ok)
    toast(
      `Skipped ahead to ${when(result.promoted[0].dueAt)}: ${result.promoted.map((j) => j.label).join(', ')}`,
    );
}

function openTab(tab) {
  ui.tab = tab;
  localStorage.setItem('sandbox-tab', tab);
  ui.shown.main = '';
  if (tab === 'home') api('home', { user: ui.user });
  if (ui.data) render();
}

function switchPerson(id) {
  ui.user = id;
  localStorage.setItem('sandbox-user', id);
  ui.raw = '';
  ui.shown = { main: '', modal: '', errors: '', side: '' };
  if (ui.tab === 'home') api('home', { user: id });
  refreshSoon();
}

async function send(event) {
  event.preventDefault();
  const input = $('#composer-text');
  const text = input.value.trim();
  if (!text) return;
  const channel = ui.tab === 'dm' ? ui.user : ui.data.channel.id;
  const result = await api('command', { user: ui.user, channel, text });
  if (result.ok) input.value = '';
}

document.addEventListener('click', (e) => {
  onClick(e).catch((error) => toast(String(error), 'error'));
});
document.addEventListener('change', onChange);
$('#composer').addEventListener('submit', send);
await refresh();
if (ui.tab === 'home') api('home', { user: ui.user });
setInterval(() => refresh().catch(() => undefined), POLL_MS);
