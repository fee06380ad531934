import { decodeBase64Utf8, type EventRecord, readErrorCauses } from '@rumkit/core';
import { useId, useMemo, useState } from 'react';
import { CopyButton, ToggleGroup } from '../../../primitives/index.js';
import { useRumKit } from '../../../provider/context.js';
import { text } from './format.js';
import { StackView } from './StackView.js';

export interface ErrorStackProps {
  /** The error record (error_stack, error_stack_source_base64, error_causes…). */
  error: EventRecord;
}

type Version = 'deminified' | 'original';

const FACTS = [
  ['error_message', 'insight.stack.message'],
  ['error_type', 'insight.stack.type'],
  ['error_source', 'insight.stack.source'],
  ['error_handling', 'insight.stack.handling'],
] as const;

/**
 * An error's message, type, source and handling, and its stack as frames (spec §1.6). When
 * DataKit resolved the stack through a sourcemap (`error_stack_source_base64`), the resolved
 * one shows first and a toggle gives the stack as sent. Then the cause chain, and where a
 * handled error was reported. Everything is text.
 */
export function ErrorStack({ error }: ErrorStackProps) {
  const { t } = useRumKit();
  const titleId = useId();
  const original = text(error.error_stack);
  const encoded = text(error.error_stack_source_base64);
  const deminified = useMemo(() => (encoded ? decodeBase64Utf8(encoded) : null), [encoded]);
  const [version, setVersion] = useState<Version>('deminified');
  const causes = useMemo(() => readErrorCauses(error.error_causes), [error.error_causes]);
  const handlingStack = text(error.error_handling_stack);

  const canToggle = deminified !== null && deminified.trim() !== '';
  const showing: Version = canToggle ? version : 'original';
  const stack = showing === 'deminified' ? (deminified as string) : original;

  return (
    <section
      className="rk-root rk-error-stack"
      data-state={stack ? 'ready' : 'empty'}
      aria-labelledby={titleId}
    >
      <dl className="rk-error-facts">
        {FACTS.map(([field, label]) =>
          text(error[field]) ? (
            <div key={field} className="rk-error-fact" data-field={field}>
              <dt>{t(label)}</dt>
              <dd>{text(error[field])}</dd>
            </div>
          ) : null,
        )}
      </dl>
      <div className="rk-stack-head">
        <h3 id={titleId} className="rk-insight-title">
          {t('insight.stack.title')}
        </h3>
        {canToggle ? (
          <ToggleGroup
            label={t('insight.stack.version')}
            className="rk-segmented"
            itemClassName="rk-segment"
            options={(['deminified', 'original'] as const).map((v) => ({
              value: v,
              label: t(`insight.stack.${v}`),
            }))}
            value={showing}
            onChange={setVersion}
          />
        ) : null}
        {stack ? (
          <CopyButton
            text={stack}
            labels={{
              copy: t('insight.stack.copy'),
              copied: t('common.copied'),
              failed: t('common.copyFailed'),
              label: t('insight.stack.copy'),
              announce: t('common.copiedAnnounce', { what: t('insight.stack.what') }),
            }}
          />
        ) : null}
      </div>
      {encoded && !canToggle ? <p className="rk-muted">{t('insight.stack.undecodable')}</p> : null}
      {showing === 'deminified' ? (
        <p className="rk-muted">{t('insight.stack.deminifiedHint')}</p>
      ) : null}
      {stack ? (
        <StackView stack={stack} label={t('insight.stack.frames')} />
      ) : (
        <p className="rk-muted">{t('insight.stack.empty')}</p>
      )}
      {causes.length > 0 ? (
        <section className="rk-error-causes">
          <h4 className="rk-insight-subtitle">{t('insight.stack.causes')}</h4>
          <ol>
            {causes.map((cause, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the cause chain is fixed, in order
              <li key={index} className="rk-error-cause">
                <p>
                  {cause.type ? <strong>{cause.type}: </strong> : null}
                  {cause.message}
                </p>
                {cause.stack ? (
                  <StackView stack={cause.stack} label={t('insight.stack.frames')} />
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {handlingStack ? (
        <details className="rk-error-handling">
          <summary>{t('insight.stack.handlingStack')}</summary>
          <StackView stack={handlingStack} label={t('insight.stack.handlingStack')} />
        </details>
      ) : null}
    </section>
  );
}
