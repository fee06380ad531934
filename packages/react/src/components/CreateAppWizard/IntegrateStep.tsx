import {
  APP_TYPES,
  type App,
  type SdkGuide,
  type SnippetPlatform,
  sdkGuide,
  snippetPlatformOf,
} from '@rumkit/core';
import { forwardRef, useId, useState } from 'react';
import type { MessageKey } from '../../i18n/index.js';
import { CodeBlock, type CopyLabels, LinkIcon, Tabs } from '../../primitives/index.js';
import { useRumKit } from '../../provider/context.js';
import { DashboardBinder } from '../DashboardBinder/DashboardBinder.js';

type WebMode = 'npm' | 'cdn-async' | 'cdn-sync';
const WEB_MODES: { id: WebMode; label: MessageKey; hint: MessageKey }[] = [
  { id: 'npm', label: 'integrate.npm', hint: 'integrate.npmHint' },
  { id: 'cdn-async', label: 'integrate.cdnAsync', hint: 'integrate.cdnAsyncHint' },
  { id: 'cdn-sync', label: 'integrate.cdnSync', hint: 'integrate.cdnSyncHint' },
];
const PLATFORMS = APP_TYPES.filter((type): type is SnippetPlatform => type !== 'custom');

/** The SDK set-up for an app: snippets with its app_id and the intake origin filled in. */
export const IntegrateStep = forwardRef<HTMLHeadingElement, { app: App }>(function IntegrateStep(
  { app },
  headingRef,
) {
  const { t, intakeOrigin, sdkUrl } = useRumKit();
  const [platform, setPlatform] = useState<SnippetPlatform>(snippetPlatformOf(app.type));
  const [webMode, setWebMode] = useState<WebMode>('npm');
  const platformId = useId();
  const guide = sdkGuide(platform, { appId: app.app_id, intakeOrigin, sdkUrl });
  const platformLabel = t(`appType.${platform}` as const);

  const copyLabels = (what: string): CopyLabels => ({
    copy: t('common.copy'),
    copied: t('common.copied'),
    failed: t('common.copyFailed'),
    label: t('common.copyLabel', { what }),
    announce: t('common.copiedAnnounce', { what }),
  });

  return (
    <div className="rk-integrate">
      <h3 ref={headingRef} tabIndex={-1} className="rk-visually-hidden">
        {t('wizard.step.integrate')}
      </h3>
      <p>
        {t.nodes('integrate.intro', {
          type: t(`appType.${app.type}` as const),
          origin: <code>{intakeOrigin}</code>,
          appId: <code>{app.app_id}</code>,
        })}
      </p>

      {app.type === 'custom' ? (
        <div className="rk-field">
          <label htmlFor={platformId} className="rk-label">
            {t('integrate.platform')}
          </label>
          <select
            id={platformId}
            className="rk-select"
            value={platform}
            onChange={(event) => setPlatform(event.target.value as SnippetPlatform)}
            style={{ justifySelf: 'start' }}
          >
            {PLATFORMS.map((p) => (
              <option key={p} value={p}>
                {t(`appType.${p}` as const)}
              </option>
            ))}
          </select>
          <p className="rk-hint">{t('integrate.customNote')}</p>
        </div>
      ) : null}

      {platform === 'web' ? (
        <Tabs
          label={t('integrate.modes')}
          value={webMode}
          onChange={setWebMode}
          tabs={WEB_MODES.map((mode) => {
            const snippet = guide.snippets.find((s) => s.id === mode.id);
            const label = t(mode.label);
            return {
              id: mode.id,
              label,
              content: snippet ? (
                <div className="rk-snippet-step">
                  <p className="rk-hint">{t(mode.hint)}</p>
                  <CodeBlock
                    caption={t('integrate.snippet', { mode: label })}
                    code={snippet.code}
                    language={snippet.language}
                    labels={copyLabels(t('integrate.snippet', { mode: label }))}
                  />
                </div>
              ) : null,
            };
          })}
        />
      ) : (
        <PlatformSnippets guide={guide} copyLabels={copyLabels} />
      )}

      <p>
        <a className="rk-link" href={guide.docsUrl} target="_blank" rel="noreferrer noopener">
          <LinkIcon />
          {t('integrate.guide', { platform: platformLabel })}
        </a>
      </p>

      {app.type === 'custom' ? <DashboardBinder appId={app.id} headingLevel={3} /> : null}
    </div>
  );
});

function PlatformSnippets({
  guide,
  copyLabels,
}: {
  guide: SdkGuide;
  copyLabels: (what: string) => CopyLabels;
}) {
  const { t } = useRumKit();
  return (
    <ol className="rk-snippet-stack" style={{ listStyle: 'none', padding: 0 }}>
      {guide.snippets.map((snippet) => {
        const step = t(snippet.id === 'install' ? 'integrate.install' : 'integrate.init');
        const caption = snippet.file ? `${step} · ${snippet.file}` : step;
        return (
          <li key={snippet.id} className="rk-snippet-step">
            <CodeBlock
              caption={caption}
              code={snippet.code}
              language={snippet.language}
              labels={copyLabels(caption)}
            />
          </li>
        );
      })}
    </ol>
  );
}
