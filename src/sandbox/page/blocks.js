// Block Kit blocks and elements drawn as HTML. Interactive elements carry data-* attributes that app.js turns
// into block_actions; the enclosing message or view says where the action happened.
import { esc, formatDate, mrkdwn, plain, textObject } from './mrkdwn.js';

const attrs = (pairs) =>
  Object.entries(pairs)
    .filter(([, v]) => v !== undefined && v !== null && v !== false)
    .map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${esc(v)}"`))
    .join('');

function optionsOf(el) {
  const flat = el.options ?? [];
  const groups = (el.option_groups ?? []).flatMap((g) => g.options ?? []);
  return [...flat, ...groups];
}

function selectOptions(el, chosen) {
  const pick = new Set(chosen);
  const opt = (o) =>
    `<option${attrs({ value: o.value, selected: pick.has(o.value) })}>${plain(o.text)}</option>`;
  if (el.option_groups)
    return el.option_groups
      .map(
        (g) =>
          `<optgroup label="${esc(g.label?.text ?? '')}">${(g.options ?? []).map(opt).join('')}</optgroup>`,
      )
      .join('');
  return (el.options ?? []).map(opt).join('');
}

/** The data attributes every interactive element carries. */
function base(el, blockId, kind, extra = {}) {
  return attrs({
    'data-action-id': el.action_id,
    'data-block-id': blockId,
    'data-kind': kind,
    'data-confirm': el.confirm ? JSON.stringify(el.confirm) : undefined,
    ...extra,
  });
}

/** One element: interactive ones in actions, sections and inputs; `people` fills users_select. */
export function element(el, blockId, ctx) {
  const initialValues = (el.initial_options ?? []).map((o) => o.value);
  switch (el.type) {
    case 'button':
      return `<button class="btn ${esc(el.style ?? '')}"${base(el, blockId, 'button', { 'data-value': el.value, 'data-url': el.url })}>${plain(el.text)}</button>`;
    case 'static_select':
      return `<select class="select"${base(el, blockId, 'static_select')}><option value="">${plain(el.placeholder) || 'Select an option'}</option>${selectOptions(el, [el.initial_option?.value])}</select>`;
    case 'multi_static_select':
      return `<select class="select" multiple size="${Math.min(6, optionsOf(el).length)}"${base(el, blockId, 'multi_static_select')}>${selectOptions(el, initialValues)}</select>`;
    case 'overflow':
      return `<select class="overflow" aria-label="More actions"${base(el, blockId, 'overflow')}><option value="">⋯</option>${selectOptions(el, [])}</select>`;
    case 'datepicker':
      return `<input type="date" class="date"${base(el, blockId, 'datepicker', { value: el.initial_date })}>`;
    case 'timepicker':
      return `<input type="time" class="date"${base(el, blockId, 'timepicker', { value: el.initial_time })}>`;
    case 'users_select':
      return `<select class="select"${base(el, blockId, 'users_select')}><option value="">${plain(el.placeholder) || 'Select a person'}</option>${ctx.people
        .map(
          (p) =>
            `<option${attrs({ value: p.id, selected: p.id === el.initial_user })}>${esc(p.realName)}</option>`,
        )
        .join('')}</select>`;
    case 'radio_buttons':
    case 'checkboxes': {
      const type = el.type === 'radio_buttons' ? 'radio' : 'checkbox';
      const chosen = type === 'radio' ? [el.initial_option?.value] : initialValues;
      const name = `${blockId}-${el.action_id}`;
      return `<div class="choices"${base(el, blockId, el.type)}>${(el.options ?? [])
        .map(
          (o) =>
            `<label class="choice"><input${attrs({ type, name, value: o.value, checked: chosen.includes(o.value) })}> ${textObject(o.text, ctx.names)}${o.description ? `<small>${textObject(o.description, ctx.names)}</small>` : ''}</label>`,
        )
        .join('')}</div>`;
    }
    case 'plain_text_input':
      return el.multiline
        ? `<textarea class="text" rows="4"${base(el, blockId, 'plain_text_input', { placeholder: el.placeholder?.text, maxlength: el.max_length })}>${esc(el.initial_value ?? '')}</textarea>`
        : `<input type="text" class="text"${base(el, blockId, 'plain_text_input', { value: el.initial_value, placeholder: el.placeholder?.text, maxlength: el.max_length })}>`;
    case 'number_input':
      return `<input type="text" inputmode="decimal" class="text"${base(el, blockId, 'number_input', { value: el.initial_value, placeholder: el.placeholder?.text })}>`;
    case 'email_text_input':
    case 'url_text_input':
      return `<input type="text" class="text"${base(el, blockId, el.type, { value: el.initial_value })}>`;
    case 'file_input':
      return `<input type="file" class="file"${base(el, blockId, 'file_input', {
        multiple: (el.max_files ?? 10) > 1,
        accept: el.filetypes ? el.filetypes.map((t) => `.${t}`).join(',') : undefined,
      })}>`;
    case 'image':
      return `<img class="thumb" src="${esc(imageSource(el))}" alt="${esc(el.alt_text ?? '')}">`;
    case 'mrkdwn':
    case 'plain_text':
      return `<span>${textObject(el, ctx.names)}</span>`;
    default:
      return `<span class="unsupported">[${esc(el.type)}]</span>`;
  }
}

function imageSource(obj) {
  if (obj.slack_file?.id) return `/files/${obj.slack_file.id}`;
  return obj.image_url ?? obj.slack_file?.url ?? '';
}

const STYLE_TAGS = [
  ['code', 'code'],
  ['strike', 's'],
  ['italic', 'i'],
  ['bold', 'b'],
];

function richElement(el, ctx) {
  let html;
  switch (el.type) {
    case 'text':
      html = esc(el.text).replace(/\n/g, '<br>');
      break;
    case 'link':
      html = `<a href="${esc(el.url)}" target="_blank" rel="noopener">${esc(el.text ?? el.url)}</a>`;
      break;
    case 'user':
      html = `<span class="mention">@${esc(ctx.names[el.user_id] ?? el.user_id)}</span>`;
      break;
    case 'channel':
      html = `<span class="mention">#${esc(el.channel_id)}</span>`;
      break;
    case 'emoji':
      html = el.unicode ? `&#x${el.unicode.split('-')[0]};` : `:${esc(el.name)}:`;
      break;
    case 'date':
      html = `<time class="slack-date">${esc(formatDate(el.timestamp, el.format ?? '{date_short}'))}</time>`;
      break;
    case 'broadcast':
      html = `<span class="mention">@${esc(el.range)}</span>`;
      break;
    default:
      html = '';
  }
  for (const [key, tag] of STYLE_TAGS) if (el.style?.[key]) html = `<${tag}>${html}</${tag}>`;
  return html;
}

function richText(part, ctx) {
  const inner = (els) => (els ?? []).map((e) => richElement(e, ctx)).join('');
  switch (part.type) {
    case 'rich_text_section':
      return `<div>${inner(part.elements)}</div>`;
    case 'rich_text_preformatted':
      return `<pre class="code">${inner(part.elements)}</pre>`;
    case 'rich_text_quote':
      return `<blockquote>${inner(part.elements)}</blockquote>`;
    case 'rich_text_list': {
      const tag = part.style === 'ordered' ? 'ol' : 'ul';
      const items = (part.elements ?? []).map((s) => `<li>${inner(s.elements)}</li>`).join('');
      return `<${tag} style="margin-left:${(part.indent ?? 0) * 1.2}em">${items}</${tag}>`;
    }
    default:
      return '';
  }
}

/** One block as HTML; input blocks are drawn by modal.js. */
export function block(b, ctx) {
  const id = b.block_id;
  switch (b.type) {
    case 'header':
      return `<h3 class="b-header">${plain(b.text)}</h3>`;
    case 'divider':
      return '<hr class="b-divider">';
    case 'section': {
      const text = b.text ? `<div class="b-text">${textObject(b.text, ctx.names)}</div>` : '';
      const fields = b.fields
        ? `<div class="b-fields">${b.fields.map((f) => `<div>${textObject(f, ctx.names)}</div>`).join('')}</div>`
        : '';
      const accessory = b.accessory ? `<div class="b-accessory">${element(b.accessory, id, ctx)}</div>` : '';
      return `<section class="b-section" data-block="${esc(id ?? '')}"><div class="b-main">${text}${fields}</div>${accessory}</section>`;
    }
    case 'context':
      return `<div class="b-context" data-block="${esc(id ?? '')}">${(b.elements ?? []).map((e) => (e.type === 'image' ? `<img class="ctx-img" src="${esc(imageSource(e))}" alt="${esc(e.alt_text ?? '')}">` : `<span>${textObject(e, ctx.names)}</span>`)).join('')}</div>`;
    case 'actions':
      return `<div class="b-actions" data-block="${esc(id ?? '')}">${(b.elements ?? []).map((e) => element(e, id, ctx)).join('')}</div>`;
    case 'image':
      return `<figure class="b-image">${b.title ? `<figcaption>${plain(b.title)}</figcaption>` : ''}<img src="${esc(imageSource(b))}" alt="${esc(b.alt_text ?? '')}"></figure>`;
    case 'rich_text':
      return `<div class="b-rich">${(b.elements ?? []).map((p) => richText(p, ctx)).join('')}</div>`;
    case 'markdown':
      return `<div class="b-text">${mrkdwn(b.text ?? '', ctx.names)}</div>`;
    case 'file':
      return `<div class="b-context">File ${esc(b.external_id ?? '')}</div>`;
    default:
      return `<div class="unsupported">[${esc(b.type)} block]</div>`;
  }
}

/** A list of blocks as HTML; `inputs` draws input blocks (modals) when given. */
export function blocks(list, ctx, inputs) {
  return (list ?? []).map((b) => (b.type === 'input' && inputs ? inputs(b) : block(b, ctx))).join('');
}
