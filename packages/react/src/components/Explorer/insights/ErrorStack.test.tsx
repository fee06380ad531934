import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { T0 } from '../../../../../../test/mocks/handlers.js';
import { renderKit } from '../../../../../../test/mocks/kit.js';
import { ErrorStack } from './ErrorStack.js';

const MINIFIED =
  "TypeError: Cannot read properties of undefined (reading 'price')\n\tat e @ https://static.shop.example.com/assets/js/main.bff8b6a4.js:1:56292\n\tat <anonymous> @ https://static.shop.example.com/assets/js/vendor.bff8b6a4.js:2:8404";
const RESOLVED =
  "TypeError: Cannot read properties of undefined (reading 'price')\n    at ProductPrice (src/components/ProductPrice.tsx:14:22)\n    at renderWithHooks (node_modules/react-dom/cjs/react-dom.development.js:15486:18)";
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

const error = (extra: Record<string, unknown> = {}) => ({
  time: T0,
  error_id: 'e-1',
  error_message: "Cannot read properties of undefined (reading 'price')",
  error_type: 'TypeError',
  error_source: 'source',
  error_handling: 'unhandled',
  error_stack: MINIFIED,
  ...extra,
});
const frames = () => [...document.querySelectorAll('.rk-stack-frame')];

describe('ErrorStack', () => {
  it('shows the message, type, source and handling, and the stack as frames', () => {
    renderKit(<ErrorStack error={error()} />);
    expect(screen.getByText('Message').nextSibling?.textContent).toBe(
      "Cannot read properties of undefined (reading 'price')",
    );
    expect(screen.getByText('Source').nextSibling?.textContent).toBe('source');
    expect(screen.getByText('Handling').nextSibling?.textContent).toBe('unhandled');
    // No sourcemap: no toggle, the stack as sent.
    expect(screen.queryByRole('button', { name: 'As sent' })).toBeNull();
    expect(frames().map((f) => f.textContent)).toEqual([
      'e https://static.shop.example.com/assets/js/main.bff8b6a4.js:1:56292',
      '(anonymous) https://static.shop.example.com/assets/js/vendor.bff8b6a4.js:2:8404library',
    ]);
    expect(frames().map((f) => f.getAttribute('data-origin'))).toEqual(['app', 'vendor']);
  });

  it('shows the de-minified stack first and toggles to the stack as sent', () => {
    renderKit(<ErrorStack error={error({ error_stack_source_base64: base64(RESOLVED) })} />);
    const resolved = screen.getByRole('button', { name: 'De-minified' });
    const sent = screen.getByRole('button', { name: 'As sent' });
    expect(resolved.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByText('Resolved through the sourcemap.')).toBeTruthy();
    expect(screen.getByText('ProductPrice')).toBeTruthy();
    expect(screen.getByText('src/components/ProductPrice.tsx')).toBeTruthy();
    expect(screen.getByText(':14:22')).toBeTruthy();

    fireEvent.click(sent);
    expect(sent.getAttribute('aria-pressed')).toBe('true');
    expect(screen.queryByText('ProductPrice')).toBeNull();
    expect(
      screen.getByText('https://static.shop.example.com/assets/js/main.bff8b6a4.js'),
    ).toBeTruthy();
    fireEvent.click(resolved);
    expect(screen.getByText('ProductPrice')).toBeTruthy();
  });

  it('copies the stack it shows', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderKit(<ErrorStack error={error({ error_stack_source_base64: base64(RESOLVED) })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy stack' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(RESOLVED));
    fireEvent.click(screen.getByRole('button', { name: 'As sent' }));
    fireEvent.click(screen.getByRole('button', { name: 'Copy stack' }));
    await waitFor(() => expect(writeText).toHaveBeenLastCalledWith(MINIFIED));
  });

  it('falls back to the stack as sent when the sourcemap text cannot be decoded', () => {
    renderKit(<ErrorStack error={error({ error_stack_source_base64: '%%% not base64' })} />);
    expect(
      screen.getByText(
        'The de-minified stack could not be decoded, so the stack is shown as sent.',
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'De-minified' })).toBeNull();
    expect(frames()).toHaveLength(2);
  });

  it('lists the causes, and renders markup in a message as text', () => {
    renderKit(
      <ErrorStack
        error={error({
          error_message: '<img src=x onerror=alert(1)>',
          error_causes: JSON.stringify([
            {
              message: 'fetch failed',
              type: 'NetworkError',
              stack: 'at loadCart (src/cart.ts:3:9)',
            },
          ]),
        })}
      />,
    );
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
    const causes = screen.getByRole('heading', { name: 'Caused by' }).parentElement as HTMLElement;
    expect(within(causes).getByText('fetch failed')).toBeTruthy();
    expect(within(causes).getByText('loadCart')).toBeTruthy();
  });

  it('says so when the error has no stack', () => {
    renderKit(<ErrorStack error={error({ error_stack: undefined })} />);
    expect(screen.getByText('This error was sent without a stack.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Copy stack' })).toBeNull();
  });
});
