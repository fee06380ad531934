import { type DragEvent, useLayoutEffect, useRef, useState } from 'react';
import type { Translator } from '../../../i18n/index.js';
import { ArrowUpIcon, Button, TrashIcon } from '../../../primitives/index.js';
import { move } from './columns.js';

type Action = 'up' | 'down' | 'remove';

export interface ChosenColumnsProps {
  columns: readonly string[];
  t: Translator;
  onChange: (columns: string[], moved?: { field: string; position: number }) => void;
  onRemove: (field: string) => void;
}

/**
 * The chosen columns in order, each with move up/down and remove buttons, and native drag and
 * drop for pointer users. A moved row keeps the focus on its button, so a keyboard user can
 * press "up" again and again.
 */
export function ChosenColumns({ columns, t, onChange, onRemove }: ChosenColumnsProps) {
  const listRef = useRef<HTMLOListElement>(null);
  const refocus = useRef<{ field: string; action: Action } | null>(null);
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);

  // React moves the DOM node of a reordered item, and a moved node loses the focus.
  // biome-ignore lint/correctness/useExhaustiveDependencies: it runs after each new order of the columns.
  useLayoutEffect(() => {
    const wanted = refocus.current;
    if (!wanted || !listRef.current) return;
    refocus.current = null;
    const item = Array.from(listRef.current.children).find(
      (li) => (li as HTMLElement).dataset.field === wanted.field,
    );
    const buttons = item ? Array.from(item.querySelectorAll('button')) : [];
    const preferred = buttons.find((b) => b.dataset.action === wanted.action && !b.disabled);
    (preferred ?? buttons.find((b) => !b.disabled))?.focus();
  }, [columns]);

  const moveTo = (from: number, to: number, action?: Action) => {
    const field = columns[from];
    if (field === undefined || to < 0 || to >= columns.length || from === to) return;
    if (action) refocus.current = { field, action };
    onChange(move(columns, from, to), { field, position: to + 1 });
  };

  const onDragOver = (event: DragEvent, index: number) => {
    if (dragging === null) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    if (over !== index) setOver(index);
  };

  const onDrop = (event: DragEvent, index: number) => {
    event.preventDefault();
    if (dragging !== null) moveTo(dragging, index);
    setDragging(null);
    setOver(null);
  };

  if (columns.length === 0)
    return <p className="rk-muted rk-chooser-none">{t('table.chooser.none')}</p>;
  return (
    <ol ref={listRef} className="rk-chooser-chosen" aria-label={t('table.chooser.shown')}>
      {columns.map((field, index) => (
        <li
          key={field}
          data-field={field}
          className="rk-chooser-chosen-item"
          draggable
          data-dragging={dragging === index ? '' : undefined}
          data-over={over === index && dragging !== index ? '' : undefined}
          title={t('table.chooser.dragHint')}
          onDragStart={(event) => {
            event.dataTransfer.effectAllowed = 'move';
            event.dataTransfer.setData('text/plain', field);
            setDragging(index);
          }}
          onDragOver={(event) => onDragOver(event, index)}
          onDragLeave={() => setOver((o) => (o === index ? null : o))}
          onDrop={(event) => onDrop(event, index)}
          onDragEnd={() => {
            setDragging(null);
            setOver(null);
          }}
        >
          <span className="rk-chooser-grip" aria-hidden="true">
            ⠿
          </span>
          <code className="rk-chooser-name">{field}</code>
          <Button
            variant="ghost"
            size="sm"
            iconOnly
            data-action="up"
            aria-label={t('table.chooser.moveUp', { field })}
            disabled={index === 0}
            onClick={() => moveTo(index, index - 1, 'up')}
          >
            <ArrowUpIcon />
          </Button>
          <Button
            variant="ghost"
            size="sm"
            iconOnly
            data-action="down"
            className="rk-chooser-down"
            aria-label={t('table.chooser.moveDown', { field })}
            disabled={index === columns.length - 1}
            onClick={() => moveTo(index, index + 1, 'down')}
          >
            <ArrowUpIcon />
          </Button>
          <Button
            variant="ghost"
            size="sm"
            iconOnly
            data-action="remove"
            aria-label={t('table.chooser.remove', { field })}
            onClick={() => {
              // The next row's remove button takes the focus, as a list's delete key would.
              const neighbour = columns[index + 1] ?? columns[index - 1];
              if (neighbour !== undefined) refocus.current = { field: neighbour, action: 'remove' };
              onRemove(field);
            }}
          >
            <TrashIcon />
          </Button>
        </li>
      ))}
    </ol>
  );
}
