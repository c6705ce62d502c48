/**
 * Checks that a string is well-formed XML of the kind the chart builder writes: balanced elements, quoted
 * attributes, and text with no raw `<` and no `&` outside an entity. Returns the problems found.
 */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/y;
  const entity = /&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/y;
  let i = 0;
  while (i < xml.length) {
    const c = xml[i];
    if (c === '<') {
      tag.lastIndex = i;
      const match = tag.exec(xml);
      if (match === null) {
        problems.push(`malformed tag at ${i}: ${xml.slice(i, i + 40)}`);
        return problems;
      }
      const [whole, closing, name = '', , selfClosing] = match;
      if (closing) {
        const open = stack.pop();
        if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}> at ${i}`);
      } else if (!selfClosing) stack.push(name);
      for (const value of (match[3] ?? '').matchAll(/="([^"]*)"/g)) {
        if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(value[1] ?? '')) {
          problems.push(`bare & in an attribute at ${i}`);
        }
      }
      i += whole.length;
      continue;
    }
    if (c === '&') {
      entity.lastIndex = i;
      if (entity.exec(xml) === null) problems.push(`bare & at ${i}: ${xml.slice(i, i + 20)}`);
    }
    if (c === '>') problems.push(`bare > at ${i}`);
    i += 1;
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(', ')}`);
  return problems;
}
