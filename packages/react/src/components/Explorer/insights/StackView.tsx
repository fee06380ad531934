import { parseStack } from '@rumkit/core';
import { useMemo } from 'react';
import { useRumKit } from '../../../provider/context.js';

/**
 * A stack as frames: function, file and line:column apart, library frames muted. Lines that
 * are not frames (the message, "Caused by") stay as written. Text only.
 */
export function StackView({ stack, label }: { stack: string; label: string }) {
  const { t } = useRumKit();
  const lines = useMemo(() => parseStack(stack), [stack]);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="rk-stack" tabIndex={0} aria-label={label}>
      <ol className="rk-stack-lines">
        {lines.map((line, index) =>
          line.kind === 'text' ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines of a fixed text, never reordered
            <li key={index} className="rk-stack-text">
              {line.text}
            </li>
          ) : (
            <li
              // biome-ignore lint/suspicious/noArrayIndexKey: lines of a fixed text, never reordered
              key={index}
              className="rk-stack-frame"
              data-origin={line.frame.vendor ? 'vendor' : 'app'}
              title={line.text}
            >
              <span className="rk-stack-fn">{line.frame.fn ?? t('insight.stack.anonymous')}</span>{' '}
              <span className="rk-stack-file">{line.frame.file}</span>
              {line.frame.line !== null ? (
                <span className="rk-stack-pos">
                  :{line.frame.line}
                  {line.frame.column !== null ? `:${line.frame.column}` : ''}
                </span>
              ) : null}
              {line.frame.vendor ? (
                <span className="rk-stack-vendor">{t('insight.stack.vendor')}</span>
              ) : null}
            </li>
          ),
        )}
      </ol>
    </section>
  );
}
