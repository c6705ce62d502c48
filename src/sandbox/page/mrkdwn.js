// Slack's mrkdwn and plain_text, drawn as HTML: *bold*, _italic_, ~strike~, `code`, ```blocks```, > quotes,
// links, mentions and <!date> tokens. Everything is escaped first; only the tags made here are HTML.

const EMOJI = {
  briefcase: '💼',
  email: '📧',
  envelope: '✉️',
  hourglass_flowing_sand: '⏳',
  information_source: 'ℹ️',
  no_entry: '⛔',
  octagonal_sign: '🛑',
  seedling: '🌱',
  tada: '🎉',
  telephone_receiver: '📞',
  triangular_flag_on_post: '🚩',
  warning: '⚠️',
  wave: '👋',
  white_check_mark: '✅',
  white_circle: '⚪',
  zzz: '💤',
  chart_with_upwards_trend: '📈',
  chart_with_downwards_trend: '📉',
  calendar: '📆',
  memo: '📝',
  bulb: '💡',
  fire: '🔥',
  x: '❌',
  heavy_check_mark: '✔️',
  link: '🔗',
  trophy: '🏆',
  rocket: '🚀',
  eyes: '👀',
};

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML. */
export function esc(text) {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Undoes the three escapes Slack asks apps to apply to message text. */
function decode(text) {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function emoji(html) {
  return html.replace(/:([a-z0-9_+-]+):/g, (whole, name) => EMOJI[name] ?? whole);
}

/** Plain text, with :emoji: codes when the object allows them. */
export function plain(obj) {
  if (!obj) return '';
  const text = esc(obj.text ?? '');
  return obj.emoji === false ? text : emoji(text);
}

/** A text object of either kind. */
export function textObject(obj, names) {
  if (!obj) return '';
  return obj.type === 'mrkdwn' ? mrkdwn(obj.text ?? '', names) : plain(obj);
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const ordinal = (n) => {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th');
  return `${n}${s}`;
};
const pad = (n) => String(n).padStart(2, '0');

function relativeDay(d) {
  const startOf = (x) => new Date(x.getFullYear(), x.getMonth(), x.getDate()).getTime();
  const days = Math.round((startOf(d) - startOf(new Date())) / 86_400_000);
  return { '-1': 'yesterday', 0: 'today', 1: 'tomorrow' }[days];
}

/** Formats a `<!date^…>` token in the reader's time zone, as Slack's client does. */
export function formatDate(seconds, format) {
  const d = new Date(seconds * 1000);
  const month = MONTHS[d.getMonth()];
  const time = d.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' });
  const parts = {
    date_num: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    date: `${month} ${ordinal(d.getDate())}, ${d.getFullYear()}`,
    date_short: `${month.slice(0, 3)} ${d.getDate()}, ${d.getFullYear()}`,
    date_long: `${DAYS[d.getDay()]}, ${month} ${ordinal(d.getDate())}, ${d.getFullYear()}`,
    time,
    time_secs: d.toLocaleTimeString('en-US'),
  };
  for (const kind of ['date', 'date_short', 'date_long'])
    parts[`${kind}_pretty`] = relativeDay(d) ?? parts[kind];
  const diff = Math.round((Date.now() - d.getTime()) / 60_000);
  parts.ago =
    Math.abs(diff) < 60
      ? `${Math.abs(diff)} minutes ${diff >= 0 ? 'ago' : 'from now'}`
      : `${Math.round(Math.abs(diff) / 60)} hours ${diff >= 0 ? 'ago' : 'from now'}`;
  return format.replace(/\{(\w+)\}/g, (whole, key) => parts[key] ?? whole);
}

/** One `<…>` token: a link, a mention, a channel, a special mention or a date. */
function token(body, names) {
  const [target, label] = splitLabel(body);
  if (target.startsWith('@')) {
    const id = target.slice(1);
    return `<span class="mention" data-user="${esc(id)}">@${esc(names[id] ?? label ?? id)}</span>`;
  }
  if (target.startsWith('#')) return `<span class="mention">#${esc(label ?? target.slice(1))}</span>`;
  if (target.startsWith('!date^')) {
    const [, seconds, format, link] = target.split('^');
    const text = esc(formatDate(Number(seconds), format ?? '{date_short}'));
    const shown = `<time class="slack-date" datetime="${new Date(Number(seconds) * 1000).toISOString()}" title="${esc(label ?? '')}">${text}</time>`;
    return link ? `<a href="${esc(link)}" target="_blank" rel="noopener">${shown}</a>` : shown;
  }
  if (target.startsWith('!subteam^')) return `<span class="mention">@${esc(label ?? 'group')}</span>`;
  if (target.startsWith('!')) return `<span class="mention">@${esc(target.slice(1))}</span>`;
  const href = decode(target);
  if (/^(https?:|mailto:|slack:)/.test(href))
    return `<a href="${esc(href)}" target="_blank" rel="noopener">${esc(label === undefined ? href : decode(label))}</a>`;
  return esc(`<${decode(body)}>`);
}

function splitLabel(body) {
  const bar = body.indexOf('|');
  return bar === -1 ? [body, undefined] : [body.slice(0, bar), body.slice(bar + 1)];
}

const EDGE_BEFORE = '(^|[\\s(>\\uE000*_~])';
const EDGE_AFTER = '(?=$|[\\s).,!?:;<\\uE000*_~])';
const STYLES = [
  [new RegExp(`${EDGE_BEFORE}\\*(?!\\s)([^*\\n]+?)\\*${EDGE_AFTER}`, 'g'), 'b'],
  [new RegExp(`${EDGE_BEFORE}_(?!\\s)([^_\\n]+?)_${EDGE_AFTER}`, 'g'), 'i'],
  [new RegExp(`${EDGE_BEFORE}~(?!\\s)([^~\\n]+?)~${EDGE_AFTER}`, 'g'), 's'],
];

/** Inline mrkdwn of one paragraph (no code blocks): tokens and code are set aside, then styles apply. */
function inline(text, names) {
  const kept = [];
  const keep = (html) => `\uE000${kept.push(html) - 1}\uE001`;
  let work = text.replace(/`([^`\n]+)`/g, (_, code) => keep(`<code>${esc(decode(code))}</code>`));
  work = work.replace(/<([^<>\n]+)>/g, (_, body) => keep(token(body, names)));
  let html = emoji(esc(decode(work)));
  for (const [re, tag] of STYLES) html = html.replace(re, `$1<${tag}>$2</${tag}>`);
  const lines = html
    .split('\n')
    .map((line) =>
      line.startsWith('&gt; ') || line === '&gt;'
        ? `<blockquote>${line.replace(/^&gt; ?/, '')}</blockquote>`
        : line,
    );
  html = lines.join('<br>').replace(/<\/blockquote><br><blockquote>/g, '<br>');
  return html.replace(/\uE000(\d+)\uE001/g, (_, i) => kept[Number(i)]);
}

/** A whole mrkdwn string as HTML. */
export function mrkdwn(text, names = {}) {
  const out = [];
  let last = 0;
  for (const m of text.matchAll(/```([\s\S]*?)```/g)) {
    out.push(inline(text.slice(last, m.index), names));
    out.push(`<pre class="code">${esc(decode(m[1].replace(/^\n/, '')))}</pre>`);
    last = m.index + m[0].length;
  }
  out.push(inline(text.slice(last), names));
  return out.join('');
}
