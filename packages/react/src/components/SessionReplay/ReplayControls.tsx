import {
  formatReplayClock,
  REPLAY_SPEEDS,
  type ReplayItem,
  type ReplaySpan,
  type ReplaySpeed,
} from '@rumkit/core';
import { useId, useRef, useState } from 'react';
import {
  Button,
  ExitFullscreenIcon,
  FullscreenIcon,
  PauseIcon,
  PlayIcon,
  ToggleGroup,
} from '../../primitives/index.js';
import { useRumKit } from '../../provider/context.js';
import type { PlayerModel } from './usePlayer.js';

export interface ReplayControlsProps {
  player: PlayerModel;
  span: ReplaySpan;
  inactive: readonly ReplaySpan[];
  /** Errors are marked on the track. */
  items: readonly ReplayItem[];
  speed: ReplaySpeed;
  onSpeedChange: (speed: ReplaySpeed) => void;
  skipInactive: boolean;
  onSkipInactiveChange: (skip: boolean) => void;
  fullscreen: { supported: boolean; active: boolean; toggle: () => void };
}

const percent = (part: number, whole: number) =>
  `${whole > 0 ? Math.min(100, Math.max(0, (part / whole) * 100)) : 0}%`;

/**
 * Play and pause, the position (a slider over a track that marks the idle stretches and the
 * errors), the speed, skip inactivity and full screen.
 */
export function ReplayControls({
  player,
  span,
  inactive,
  items,
  speed,
  onSpeedChange,
  skipInactive,
  onSkipInactiveChange,
  fullscreen,
}: ReplayControlsProps) {
  const { t } = useRumKit();
  const skipId = useId();
  const total = span.end - span.start;
  // While the slider is dragged it shows the drag, and the player seeks once it is let go:
  // each seek replays every record up to the new position. A step from the keyboard or a
  // screen reader seeks at once.
  const [draft, setDraft] = useState<number | undefined>(undefined);
  const dragging = useRef(false);
  const shown = draft ?? player.offset;
  const change = (value: number) => {
    if (dragging.current) setDraft(value);
    else player.seek(value);
  };
  const release = () => {
    dragging.current = false;
    if (draft === undefined) return;
    player.seek(draft);
    setDraft(undefined);
  };
  const clock = t('replay.positionText', {
    current: formatReplayClock(shown),
    total: formatReplayClock(total),
  });

  return (
    // biome-ignore lint/a11y/useSemanticElements: a toolbar of player controls, not a form
    <div className="rk-replay-controls" role="group" aria-label={t('replay.controls')}>
      <Button
        iconOnly
        variant="primary"
        aria-label={player.playing ? t('replay.pause') : t('replay.play')}
        onClick={player.toggle}
        disabled={!player.mounted}
      >
        {player.playing ? <PauseIcon /> : <PlayIcon />}
      </Button>
      <span className="rk-replay-clock" aria-hidden="true">
        {clock}
      </span>
      <div className="rk-replay-seek">
        <div className="rk-replay-track" aria-hidden="true">
          <span className="rk-replay-track-played" style={{ width: percent(shown, total) }} />
          {inactive.map((period) => (
            <span
              key={period.start}
              className="rk-replay-track-idle"
              title={`${t('replay.inactive')} ${formatReplayClock(period.end - period.start)}`}
              style={{
                left: percent(period.start - span.start, total),
                width: percent(period.end - period.start, total),
              }}
            />
          ))}
          {items
            .filter((item) => item.category === 'error')
            .map((item) => (
              <span
                key={item.key}
                className="rk-replay-track-error"
                style={{ left: percent(item.time - span.start, total) }}
              />
            ))}
        </div>
        <input
          type="range"
          className="rk-replay-range"
          min={0}
          max={total}
          step={100}
          value={Math.min(shown, total)}
          aria-label={t('replay.position')}
          aria-valuetext={clock}
          disabled={!player.mounted}
          onChange={(event) => change(Number(event.target.value))}
          onPointerDown={() => {
            dragging.current = true;
          }}
          onPointerUp={release}
          onPointerCancel={release}
        />
      </div>
      <ToggleGroup
        label={t('replay.speed')}
        className="rk-segmented rk-replay-speeds"
        options={REPLAY_SPEEDS.map((value) => ({ value: String(value), label: `${value}×` }))}
        value={String(speed)}
        onChange={(value) => onSpeedChange(Number(value) as ReplaySpeed)}
      />
      <label className="rk-check rk-replay-skip" htmlFor={skipId} title={t('replay.skipHint')}>
        <input
          id={skipId}
          type="checkbox"
          role="switch"
          aria-checked={skipInactive}
          checked={skipInactive}
          onChange={(event) => onSkipInactiveChange(event.target.checked)}
        />
        {t('replay.skip')}
      </label>
      <span className="rk-replay-skipping" role="status">
        {player.skipping ? t('replay.skipping') : ''}
      </span>
      {fullscreen.supported ? (
        <Button
          iconOnly
          variant="ghost"
          aria-label={fullscreen.active ? t('replay.exitFullscreen') : t('replay.fullscreen')}
          onClick={fullscreen.toggle}
        >
          {fullscreen.active ? <ExitFullscreenIcon /> : <FullscreenIcon />}
        </Button>
      ) : null}
    </div>
  );
}
