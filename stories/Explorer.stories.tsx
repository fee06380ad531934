import {
  defaultExplorerState,
  type ExplorerCategory,
  type ExplorerState,
  explorerStateToParams,
} from '@rumkit/core';
import { Explorer, type ExplorerProps } from '@rumkit/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { action } from 'storybook/actions';
import { explorerBackend } from '../test/mocks/events.js';
import { apiHandlers, failingBackend, stalledBackend, T0 } from '../test/mocks/handlers.js';
import { manyRowsBackend } from '../test/mocks/manyRows.js';
import { withKit } from './support/kit.js';

// Two hours of the demo shop's traffic, ending at T0 (the stories' clock): 20 sessions an hour,
// half the tests' fixture, since every story page builds it again and the smoke test opens each.
const lighter = () => explorerBackend({ sessionsPerHour: 20 });
const backend = lighter();
const now = () => T0;
const twoHours = { type: 'relative', last: '2h' } as const;

/** Ids of real records of the fixture, for the stories that open a detail. */
async function fixtureIds() {
  const scope = { from: T0 - 3 * 3_600_000, to: T0 + 1 };
  const first = async (category: ExplorerCategory, query = '') =>
    (await backend.searchEvents({ ...scope, category, query, limit: 1 })).rows[0] ?? {};
  const session = await first('session', 'session_view_count:>=3 session_error_count:>0');
  const view = await first('view', 'view_resource_count:>=8');
  const error = await first('error', 'error_source:source');
  return {
    session: String(session.session_id),
    view: String(view.view_id),
    error: String(error.error_id),
  };
}

function state(change: Partial<ExplorerState>): Partial<ExplorerState> {
  return { range: twoHours, ...change };
}

const meta = {
  title: 'Kit/Explorer',
  component: Explorer,
  decorators: [
    withKit,
    (Story) => (
      <div style={{ height: 'calc(100vh - 48px)' }}>
        <Story />
      </div>
    ),
  ],
  args: {
    now,
    defaultState: state({}),
    onStateChange: action('onStateChange'),
    onPlayReplay: action('onPlayReplay'),
  },
  parameters: { layout: 'fullscreen', msw: { handlers: apiHandlers(backend) } },
} satisfies Meta<typeof Explorer>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The session list of the last two hours, the stacked histogram above it. */
export const Sessions: Story = {};

export const Errors: Story = { args: { defaultState: state({ category: 'error' }) } };

/** A search shown as pills: an include, an exclude and a range with units. */
export const SearchAsPills: Story = {
  args: {
    defaultState: state({
      category: 'view',
      query: 'browser:Chrome -view_path_group:"/cart" loading_time:[200ms TO 5s]',
    }),
  },
};

/** A search that matches nothing in the range. */
export const NoMatch: Story = {
  args: { defaultState: state({ query: 'userid:nobody-has-this-id' }) },
};

export const AnalysisTopList: Story = {
  args: {
    defaultState: state({
      category: 'view',
      mode: 'analysis',
      analysis: {
        groupBy: ['view_path_group'],
        aggregate: 'p75',
        field: 'loading_time',
        chart: 'toplist',
      },
    }),
  },
};

export const AnalysisTimeSeries: Story = {
  args: {
    defaultState: state({
      category: 'view',
      mode: 'analysis',
      analysis: { groupBy: ['browser'], aggregate: 'count', chart: 'timeseries' },
    }),
  },
};

export const AnalysisPie: Story = {
  args: {
    defaultState: state({
      category: 'resource',
      mode: 'analysis',
      analysis: {
        groupBy: ['resource_type', 'resource_status_group'],
        aggregate: 'count',
        chart: 'pie',
      },
    }),
  },
};

/** The error explorer's cluster analysis. */
export const ErrorClusters: Story = {
  args: { defaultState: state({ category: 'error', mode: 'clusters' }) },
};

type Loaded = { ids: Awaited<ReturnType<typeof fixtureIds>> };
const withIds = { loaders: [async () => ({ ids: await fixtureIds() })] };
const detailStory = (make: (ids: Loaded['ids']) => Partial<ExplorerState>): Story => ({
  ...withIds,
  render: (args, { loaded }) => (
    <Explorer {...args} defaultState={state(make((loaded as Loaded).ids))} />
  ),
});

/** A session's timeline of views, actions and errors in the drawer. */
export const SessionDetail = detailStory((ids) => ({
  detail: { category: 'session', id: ids.session },
}));

/** A view's vitals against their thresholds and its waterfall. */
export const ViewPerformance = detailStory((ids) => ({
  category: 'view',
  detail: { category: 'view', id: ids.view, tab: 'performance' },
}));

/** An error's stack and how often it happened. */
export const ErrorDetail = detailStory((ids) => ({
  category: 'error',
  detail: { category: 'error', id: ids.error },
}));

/** A detail whose record is no longer stored. */
export const DetailNotFound: Story = {
  args: { defaultState: state({ detail: { category: 'session', id: 'gone-session' } }) },
  // The memory backend itself, not over msw: the smoke test forbids a story an HTTP 404.
  parameters: { kit: { backend: lighter } },
};

/** 100,000 sessions: the list stays smooth as it scrolls. */
export const HundredThousandRows: Story = {
  args: { pageSize: 1000 },
  parameters: { kit: { backend: () => manyRowsBackend(lighter()) } },
};

export const Loading: Story = { parameters: { kit: { backend: stalledBackend } } };

export const ErrorState: Story = {
  name: 'Error',
  parameters: { kit: { backend: failingBackend } },
};

export const WaitingForNetwork: Story = { parameters: { kit: { offline: true } } };

export const Chinese: Story = { parameters: { kit: { locale: 'zh' } } };

function Controlled(args: ExplorerProps) {
  const [current, setCurrent] = useState<ExplorerState>({
    ...defaultExplorerState('error'),
    range: twoHours,
  });
  return (
    <div style={{ display: 'grid', gridTemplateRows: 'auto 1fr', height: '100%', gap: 8 }}>
      <code style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
        ?{explorerStateToParams(current).toString()}
      </code>
      <Explorer {...args} state={current} onStateChange={setCurrent} />
    </div>
  );
}

/** The host owns the state (here printed as the URL parameters a deep link would carry). */
export const HostOwnsTheState: Story = { render: (args) => <Controlled {...args} /> };
