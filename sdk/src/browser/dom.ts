const IDENT = /^[A-Za-z_][\w-]*$/;

/**
 * A CSS selector for `node` (or its parent element, for text nodes): the path from the
 * nearest ancestor with an id, each step a tag with up to two classes and `:nth-of-type`
 * where siblings share the tag. At most 12 steps.
 */
export function selectorOf(node: Node | null | undefined): string | undefined {
  let element = node && (node.nodeType === 1 ? (node as Element) : node.parentElement);
  const parts: string[] = [];
  for (; element && parts.length < 12; element = element.parentElement) {
    const tag = element.tagName.toLowerCase();
    if (IDENT.test(element.id)) {
      parts.unshift(`${tag}#${element.id}`);
      break;
    }
    const same = element.parentElement
      ? [...element.parentElement.children].filter(
          (child) => child.tagName === (element as Element).tagName,
        )
      : [];
    parts.unshift(
      [tag, ...[...element.classList].filter((name) => IDENT.test(name)).slice(0, 2)].join('.') +
        (same.length > 1 ? `:nth-of-type(${same.indexOf(element) + 1})` : ''),
    );
  }
  return parts.join('>') || undefined;
}

/** Whitespace collapsed, at most 100 characters. */
const clean = (text: string | null | undefined) =>
  text?.replace(/\s+/g, ' ').trim().slice(0, 100) || undefined;

/**
 * A readable name for a click target: an explicit name on it or an ancestor (the
 * `actionNameAttribute`, then `data-guance-action-name`), else, on the nearest interactive
 * element, aria-label, alt, name, title, placeholder, a button's value or its visible text.
 * The text of form fields is never read.
 */
export function actionNameOf(target: Element, attribute?: string): string | undefined {
  for (let node: Element | null = target; node; node = node.parentElement) {
    const named =
      (attribute && node.getAttribute(attribute)) || node.getAttribute('data-guance-action-name');
    if (named) return clean(named);
  }
  const element = (target.closest('button,a,label,[role],input,select,textarea') ||
    target) as HTMLInputElement;
  for (const attribute of ['aria-label', 'alt', 'name', 'title', 'placeholder']) {
    const label = target.getAttribute(attribute) || element.getAttribute(attribute);
    if (label) return clean(label);
  }
  if (/^(INPUT|SELECT|TEXTAREA)$/.test(element.tagName)) {
    return /^(button|submit|reset)$/.test(element.type) ? clean(element.value) : undefined;
  }
  // innerText is the text as shown: no hidden parts, no script or style text.
  // biome-ignore lint/performance/useDomNodeTextContent: the visible text is the name
  return clean(element.innerText === undefined ? element.textContent : element.innerText);
}
