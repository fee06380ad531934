// Replay privacy (spec §1.7) through rrweb's own options, plus a pass over what rrweb
// serialised for what its options cannot reach (attributes).
//
// - Levels: `mask-user-input` (field values become `***`, textarea and option text `x`),
//   `mask` (all text `x`, images a placeholder, links and text attributes `***`), `allow`.
// - Per element: `data-gc-privacy="allow|mask|mask-user-input|hidden"` or a class
//   `gc-privacy-<level>`; the nearest setting wins, except that nothing under `hidden` shows.
// - `hidden` is rrweb's block (blockSelector): a placeholder of the element's size.
// - Always masked: inputs of type password, email, tel and hidden, and `autocomplete="cc-*"`.
//
// rrweb's text and input options ask a yes/no selector per node, which cannot say "the nearest
// setting wins": the selectors only pick the nodes that may be masked (maskTextSelector: under
// a `mask` setting, in a textarea or option, or every text when the page's level is `mask` or
// shouldMaskNode is given; maskInputOptions: every field), and maskTextFn / maskInputFn
// resolve the nearest setting themselves.
import type { PrivacyLevel } from '../types.js';

export type NodeLevel = PrivacyLevel | 'hidden';

export const PRIVACY_ATTRIBUTE = 'data-gc-privacy';
/** Strictest first: an element with two classes takes the stricter. */
const LEVELS: NodeLevel[] = ['hidden', 'mask', 'mask-user-input', 'allow'];
export const HIDDEN_SELECTOR = `[${PRIVACY_ATTRIBUTE}=hidden],.gc-privacy-hidden`;
/** What a masked field value becomes: its length is not told. */
export const MASKED_VALUE = '***';

/** An element's own setting: the attribute, else its classes. */
const ownLevel = (attribute: string | null, classes: string | null): NodeLevel | undefined =>
  (attribute && LEVELS.find((level) => attribute === level)) ||
  // Asked of every element recorded: most have no privacy class, and say so at once.
  (classes?.includes('gc-privacy-')
    ? LEVELS.find((level) => ` ${classes.replace(/\s+/g, ' ')} `.includes(` gc-privacy-${level} `))
    : undefined);

/** Each character but spaces becomes `x`. */
export const censor = (text: string): string => text.replace(/\S/g, 'x');

const alwaysMasked = (element: Element) =>
  /^(password|email|tel|hidden)$/i.test(element.getAttribute('type') || '') ||
  // rrweb's mark on a password field turned into text (a "show password" button).
  element.hasAttribute('data-rr-is-password') ||
  /(^|\s)cc-/i.test(element.getAttribute('autocomplete') || '');

const FIELD = /^(INPUT|TEXTAREA|SELECT|OPTION)$/;
const isChoice = (element: Element) =>
  /^(checkbox|radio)$/i.test(element.getAttribute('type') || '');
/** The attributes a level may hide (`value` of fields at any level, the others under `mask`). */
const SCRUBBED = /^(value|title|alt|placeholder|aria-label|href|src|srcset|data-.*)$/;
/** Buttons' values are their labels, not user input. */
const BUTTON = /^(button|submit|reset|image)$/i;

/** rrweb's serialised nodes, as far as this module reads them. */
interface SerializedNode {
  type: number;
  id: number;
  tagName?: string;
  attributes?: Record<string, unknown>;
  childNodes?: SerializedNode[];
}

/** The records this module rewrites: a full snapshot, and mutations. */
interface RecordLike {
  type: number;
  data?: unknown;
}

interface MutationData {
  source: number;
  /** An input record's (source 5) field, and whether a box or radio button is checked. */
  id?: number;
  isChecked?: boolean;
  adds?: { node: SerializedNode }[];
  attributes?: { id: number; attributes: Record<string, unknown> }[];
}

/** A grey box of the image's size (Datadog's placeholder, so sizes hold in the replay). */
const placeholder = (element: Element | null) => {
  let width = (element as HTMLImageElement | null)?.naturalWidth || 0;
  let height = (element as HTMLImageElement | null)?.naturalHeight || 0;
  if (!width && element) ({ width, height } = element.getBoundingClientRect());
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.round(width) || 1}" height="${Math.round(height) || 1}" style="background-color:silver"></svg>`,
  )}`;
};

export function createPrivacy(
  defaultLevel: PrivacyLevel,
  shouldMaskNode?: (node: Node, level: PrivacyLevel) => unknown,
) {
  /**
   * Levels of the elements seen in this task: a full snapshot asks for each text node's parent,
   * and resolving an element resolves its ancestors. Cleared after the task's synchronous work
   * (the page may change the settings in the next one).
   */
  let cache = new Map<Element, NodeLevel>();
  const clear = () => {
    cache = new Map();
  };

  /** The level of a node: the nearest setting on it or its ancestors; `hidden` cannot be overridden. */
  const levelOf = (node: Node | null | undefined): NodeLevel => {
    let element = node && (node.nodeType === 1 ? (node as Element) : node.parentElement);
    const path: Element[] = [];
    let level: NodeLevel | undefined;
    for (; element; element = element.parentElement) {
      level = cache.get(element);
      if (level) break;
      path.push(element);
    }
    if (!cache.size && path.length > 0) queueMicrotask(clear);
    level ||= defaultLevel;
    for (let i = path.length - 1; i >= 0; i--) {
      const el = path[i] as Element;
      if (level !== 'hidden') {
        level = ownLevel(el.getAttribute(PRIVACY_ATTRIBUTE), el.getAttribute('class')) || level;
        if (shouldMaskNode && level !== 'mask' && level !== 'hidden') {
          try {
            if (shouldMaskNode(el, level)) level = 'mask';
          } catch {
            // The host's hook failed: the level stands.
          }
        }
      }
      cache.set(el, level);
    }
    return level;
  };

  /** Whether a field's value (or an option's) is masked. */
  const masksValue = (element: Element) => {
    const level = levelOf(element);
    return (
      level === 'mask' ||
      level === 'hidden' ||
      alwaysMasked(element) ||
      (level === 'mask-user-input' && !BUTTON.test(element.getAttribute('type') || ''))
    );
  };

  /** A field's value as the record shows it (the same answer given twice: rrweb, then the pass). */
  const maskValue = (value: string, element: Element | null) =>
    !element
      ? MASKED_VALUE
      : !masksValue(element)
        ? value
        : element.tagName === 'TEXTAREA'
          ? censor(value)
          : MASKED_VALUE;

  /** A serialised element's attributes, as its level lets them out. */
  const scrubAttributes = (
    element: Element | null,
    tagName: string,
    attributes: Record<string, unknown>,
  ) => {
    // A box's or a radio button's state is what the person chose: masked with field values.
    if (attributes.checked && element && isChoice(element) && masksValue(element))
      delete attributes.checked;
    let level: NodeLevel | undefined;
    for (const name in attributes) {
      const value = attributes[name];
      // Most attributes (class, id, style…) show at every level: no level to resolve.
      if (typeof value !== 'string' || !value || !SCRUBBED.test(name)) continue;
      level ||= levelOf(element);
      if (name === 'value' && FIELD.test(tagName.toUpperCase()))
        attributes[name] = maskValue(value, element);
      else if (level === 'mask') {
        if (
          /^(title|alt|placeholder|aria-label|value)$/.test(name) ||
          (name === 'href' && tagName === 'a') ||
          (name.startsWith('data-') && name !== PRIVACY_ATTRIBUTE)
        )
          attributes[name] = MASKED_VALUE;
        else if ((name === 'src' || name === 'srcset') && /^(img|source)$/.test(tagName))
          attributes[name] = placeholder(element);
      }
    }
  };

  const visit = (node: SerializedNode, getNode: (id: number) => Node | null) => {
    const attributes = node.attributes;
    if (node.type === 2 && attributes) {
      // rrweb's block keeps only the class and size: the replay shows it as a solid box.
      if ('rr_width' in attributes) attributes.class = `${attributes.class || ''} rr-block`.trim();
      else scrubAttributes(getNode(node.id) as Element | null, node.tagName || '', attributes);
    }
    for (const child of node.childNodes || []) visit(child, getNode);
  };

  return {
    levelOf,
    /** rrweb record options. */
    options: {
      blockSelector: HIDDEN_SELECTOR,
      maskTextSelector:
        defaultLevel === 'mask' || shouldMaskNode
          ? '*'
          : `[${PRIVACY_ATTRIBUTE}=mask],.gc-privacy-mask,textarea,option`,
      maskTextFn: (text: string, element: HTMLElement | null) => {
        const level = levelOf(element);
        return level === 'mask' ||
          level === 'hidden' ||
          (level === 'mask-user-input' && /^(TEXTAREA|OPTION)$/.test(element?.tagName || ''))
          ? censor(text)
          : text;
      },
      maskInputOptions: { input: true, textarea: true, select: true } as Record<string, boolean>,
      maskInputFn: (text: string, element: HTMLElement) => maskValue(text, element),
    },
    /**
     * Rewrites what rrweb's options cannot reach, in place: attributes of the serialised
     * elements of a full snapshot or a mutation (a field's `value` attribute when the live value
     * is empty, text attributes, images and links under `mask`), a checked box or radio button
     * whose state is masked (its attribute and its input records), and marks hidden blocks.
     */
    scrub(record: RecordLike, getNode: (id: number) => Node | null) {
      if (record.type === 2) {
        visit((record.data as { node: SerializedNode }).node, getNode);
      } else if (record.type === 3 && (record.data as MutationData).source === 0) {
        const data = record.data as MutationData;
        for (const add of data.adds || []) visit(add.node, getNode);
        for (const change of data.attributes || []) {
          const element = getNode(change.id) as Element | null;
          if (element) scrubAttributes(element, element.tagName.toLowerCase(), change.attributes);
        }
      } else if (record.type === 3 && (record.data as MutationData).source === 5) {
        const data = record.data as MutationData;
        const element = data.isChecked ? (getNode(data.id as number) as Element | null) : null;
        if (element && isChoice(element) && masksValue(element)) data.isChecked = false;
      }
    },
  };
}
