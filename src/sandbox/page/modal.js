// Modals: the top view of a person's stack, its inputs, the values a submission carries, and inline errors.
import { blocks, element } from './blocks.js';
import { esc, plain } from './mrkdwn.js';

const FORM_CONTROL = /<(input|select|textarea|div class="choices")/;

function inputBlock(b, ctx) {
  const id = `field-${b.block_id}`;
  const el = b.element ?? {};
  const control = element(el, b.block_id, ctx).replace(FORM_CONTROL, (m) => `${m} id="${esc(id)}"`);
  const optional = b.optional ? ' <span class="optional">(optional)</span>' : '';
  return `<div class="input-block" data-input-block="${esc(b.block_id)}" data-element-type="${esc(el.type)}" data-action-id="${esc(el.action_id ?? '')}">
    <label class="label" for="${esc(id)}">${plain(b.label)}${optional}</label>
    ${control}
    ${b.hint ? `<div class="hint">${plain(b.hint)}</div>` : ''}
    <div class="field-error" data-error-for="${esc(b.block_id)}" role="alert"></div>
  </div>`;
}

/** The modal overlay for a person's open stack, drawing its top view. */
export function renderModal(modal, ctx) {
  const view = modal.views.at(-1);
  const depth = modal.views.length;
  const back = depth > 1 ? '<button class="icon back" data-close aria-label="Back">‹</button>' : '';
  const submit = view.submit ? `<button class="btn primary" data-submit>${plain(view.submit)}</button>` : '';
  return `<div class="overlay"><div class="modal" role="dialog" aria-modal="true" aria-label="${esc(view.title?.text ?? '')}" data-view-id="${esc(view.id)}" data-depth="${depth}">
    <header class="modal-head">${back}<h2>${plain(view.title)}</h2>${depth > 1 ? `<span class="depth">${depth} views open</span>` : ''}<button class="icon" data-close-all aria-label="Close all views">×</button></header>
    <div class="modal-body">${blocks(view.blocks, ctx, (b) => inputBlock(b, ctx))}</div>
    <div class="ack-problems" role="alert"></div>
    <footer class="modal-foot"><button class="btn" data-close>${plain(view.close) || 'Cancel'}</button>${submit}</footer>
  </div></div>`;
}

/** Shows the app's inline errors (and the client's own) under their fields; clears the others. */
export function showErrors(root, errors, problems = []) {
  for (const slot of root.querySelectorAll('[data-error-for]')) {
    const message = errors[slot.dataset.errorFor];
    slot.textContent = message ?? '';
    slot.closest('.input-block')?.classList.toggle('has-error', Boolean(message));
  }
  const box = root.querySelector('.ack-problems');
  if (box) box.innerHTML = problems.map((p) => `<div>${esc(p)}</div>`).join('');
}

const readBase64 = (file) =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(',')[1] ?? '');
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

/** What each input block holds now, keyed by block_id, in the shapes the sandbox's submit takes. */
export async function collectValues(root) {
  const values = {};
  for (const blockEl of root.querySelectorAll('[data-input-block]')) {
    const id = blockEl.dataset.inputBlock;
    const type = blockEl.dataset.elementType;
    const control = blockEl.querySelector('input, select, textarea');
    switch (type) {
      case 'multi_static_select':
        values[id] = [...control.selectedOptions].map((o) => o.value);
        break;
      case 'checkboxes':
        values[id] = [...blockEl.querySelectorAll('input:checked')].map((i) => i.value);
        break;
      case 'radio_buttons':
        values[id] = blockEl.querySelector('input:checked')?.value ?? null;
        break;
      case 'file_input':
        values[id] = await Promise.all(
          [...control.files].map(async (f) => ({ name: f.name, base64: await readBase64(f) })),
        );
        break;
      default:
        values[id] = control ? control.value || null : null;
        if (type === 'plain_text_input' || type === 'number_input') values[id] = control.value;
    }
  }
  return values;
}
