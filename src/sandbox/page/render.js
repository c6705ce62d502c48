// The page's HTML from the state the server sends: messages with their threads and files, the Home tab,
// the person switcher and the time-travel panel.
import { blocks } from './blocks.js';
import { esc, mrkdwn } from './mrkdwn.js';

const ctxOf = (d) => ({ names: d.names, people: d.people });
const clock = (ts) =>
  new Date(Number(ts) * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
const initials = (name) => (name ?? '?').slice(0, 1).toUpperCase();

function fileHtml(f) {
  if (f.mimetype.startsWith('image/'))
    return `<figure class="file image"><img src="/files/${esc(f.id)}" alt="${esc(f.title)}"><figcaption><a href="/files/${esc(f.id)}?download=1" download="${esc(f.name)}">${esc(f.title)}</a></figcaption></figure>`;
  const kb = Math.max(1, Math.round(f.size / 1024));
  return `<div class="file"><span class="file-icon">📄</span><a href="/files/${esc(f.id)}?download=1" download="${esc(f.name)}">${esc(f.name)}</a><span class="file-size">${kb} KB</span></div>`;
}

function messageHtml(d, m, replies) {
  const name = d.names[m.user] ?? m.user;
  const isBot = name === 'sales-ops';
  const body =
    m.blocks.length > 0 ? blocks(m.blocks, ctxOf(d)) : `<div class="b-text">${mrkdwn(m.text, d.names)}</div>`;
  const thread = replies.length
    ? `<div class="thread"><div class="thread-count">${replies.length} ${replies.length === 1 ? 'reply' : 'replies'}</div>${replies.map((r) => messageHtml(d, r, [])).join('')}</div>`
    : '';
  return `<article class="msg${m.ephemeral ? ' ephemeral' : ''}" data-channel="${esc(m.channel)}" data-ts="${esc(m.ts)}">
    <div class="avatar${isBot ? ' bot' : ''}">${initials(name)}</div>
    <div class="msg-body">
      <div class="msg-head"><b>${esc(name)}</b>${isBot ? '<span class="app-tag">APP</span>' : ''}<time>${clock(m.ts)}</time>${m.edited ? '<span class="edited">(edited)</span>' : ''}</div>
      ${m.ephemeral ? '<div class="only-you">👁 Only visible to you</div>' : ''}
      <div class="blocks">${body}</div>
      ${m.files.map(fileHtml).join('')}
      ${thread}
    </div>
  </article>`;
}

function conversationHtml(d, messages) {
  const top = messages.filter((m) => !m.threadTs);
  if (top.length === 0) return '<div class="empty">No messages yet. Try <code>/sales-ops help</code>.</div>';
  return top
    .map((m) =>
      messageHtml(
        d,
        m,
        messages.filter((r) => r.threadTs === m.ts),
      ),
    )
    .join('');
}

/** The main pane: the Home tab, the DM or #sales, as `d.me` sees it. */
export function mainHtml(d, tab) {
  if (tab === 'home') {
    if (!d.home) return '<div class="empty">Opening the Home tab…</div>';
    return `<div class="home" data-view-id="${esc(d.home.id)}">${blocks(d.home.blocks, ctxOf(d))}</div>`;
  }
  return conversationHtml(d, tab === 'dm' ? d.dmMessages : d.channelMessages);
}

/** A due time as the page shows it. */
export const when = (ms) =>
  new Date(ms).toLocaleString([], {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });

/** The person switcher and the time-travel panel. */
export function sideHtml(d) {
  const people = d.people
    .map(
      (p) =>
        `<button class="person${p.id === d.me ? ' active' : ''}" data-person="${esc(p.id)}" aria-pressed="${p.id === d.me}">${esc(p.realName)}</button>`,
    )
    .join('');
  const next = d.upcoming[0];
  const upcoming = next
    ? `<div class="next-job"><div class="next-label">Next due</div><div class="next-what">${esc(next.label)}</div><div class="next-when">${esc(when(next.dueAt))}</div></div>
       <ol class="later">${d.upcoming
         .slice(1)
         .map((j) => `<li>${esc(j.label)} · ${esc(when(j.dueAt))}</li>`)
         .join('')}</ol>`
    : '<div class="next-job none">Nothing scheduled</div>';
  return `<div class="people"><div class="side-title">You are</div>${people}</div>
    <div class="time-travel"><div class="side-title">Time travel</div>${upcoming}
    <button class="btn primary" id="fast-forward"${next ? '' : ' disabled'}>⏩ Fast-forward</button></div>`;
}
