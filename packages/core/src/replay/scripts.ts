// A recording is untrusted input (rrweb's own rule): it may hold the recorded page's scripts,
// inline event handlers and javascript: URLs. The player's iframe is sandboxed without scripts,
// so none of them can run, but each one the rebuilt page holds makes the browser log a
// "Blocked script execution" error in the host page. They are taken out before playing.
import type { ReplayRecord } from './segment.js';

/** rrweb's serialised node, as far as this module reads it. */
interface SerializedNode {
  type: number;
  tagName?: string;
  attributes?: Record<string, unknown>;
  childNodes?: SerializedNode[];
}

const ELEMENT = 2;
/** Attributes that take a URL a script could hide in, or a document of its own. */
const URL_ATTRIBUTES = /^(href|src|action|formaction|xlink:href|data)$/i;

const isScript = (node: SerializedNode) =>
  node.type === ELEMENT && node.tagName?.toLowerCase() === 'script';

/** Whether an attribute could run script: an event handler, a javascript: URL, a srcdoc. */
function isActive(name: string, value: unknown): boolean {
  if (/^on/i.test(name) || name.toLowerCase() === 'srcdoc') return true;
  return (
    URL_ATTRIBUTES.test(name) &&
    typeof value === 'string' &&
    // The browser ignores control characters and spaces in a scheme: "java\tscript:".
    // biome-ignore lint/suspicious/noControlCharactersInRegex: those are what it strips
    /^javascript:/i.test(value.replace(/[\u0000-\u0020]/g, ''))
  );
}

const hasActive = (attributes: Record<string, unknown> | undefined) =>
  attributes !== undefined &&
  Object.keys(attributes).some((name) => isActive(name, attributes[name]));

function nodeHasScript(node: SerializedNode): boolean {
  if (isScript(node) || hasActive(node.attributes)) return true;
  return node.childNodes?.some(nodeHasScript) ?? false;
}

/** A copy of a node without scripts and active attributes (undefined: the node is a script). */
function strip(node: SerializedNode): SerializedNode | undefined {
  if (isScript(node)) return undefined;
  const copy: SerializedNode = { ...node };
  if (node.attributes && hasActive(node.attributes))
    copy.attributes = Object.fromEntries(
      Object.entries(node.attributes).filter(([name, value]) => !isActive(name, value)),
    );
  if (node.childNodes) copy.childNodes = node.childNodes.flatMap((child) => strip(child) ?? []);
  return copy;
}

interface Mutation {
  source: number;
  adds?: { node: SerializedNode }[];
  attributes?: { attributes: Record<string, unknown> }[];
}

/**
 * A record without the recorded page's scripts: `<script>` elements left out of full snapshots
 * and added nodes, event handler attributes (`on…`), `srcdoc` and javascript: URLs taken off.
 * A record with none is given back as it is (most are), so this costs a scan.
 */
export function withoutScripts(record: ReplayRecord): ReplayRecord {
  const data = record.data as { node?: SerializedNode } & Partial<Mutation>;
  if (record.type === 2 && data?.node) {
    return nodeHasScript(data.node)
      ? { ...record, data: { ...data, node: strip(data.node) ?? { ...data.node, childNodes: [] } } }
      : record;
  }
  if (record.type !== 3 || data?.source !== 0) return record;
  const adds = data.adds ?? [];
  const attributes = data.attributes ?? [];
  if (
    !adds.some((add) => nodeHasScript(add.node)) &&
    !attributes.some((a) => hasActive(a.attributes))
  )
    return record;
  return {
    ...record,
    data: {
      ...data,
      adds: adds.flatMap((add) => {
        const node = strip(add.node);
        return node ? [{ ...add, node }] : [];
      }),
      attributes: attributes.map((change) => ({
        ...change,
        attributes: Object.fromEntries(
          Object.entries(change.attributes).filter(([name, value]) => !isActive(name, value)),
        ),
      })),
    },
  };
}
