import { i18n } from '@lingui/core';
import { I18nProvider } from '@lingui/react';
import { act, cleanup, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useWorded, whileLocaleChanges } from './queries';

const wrapper = ({ children }: { children: ReactNode }) => (
  <I18nProvider i18n={i18n}>{children}</I18nProvider>
);

afterEach(() => {
  cleanup();
  act(() => i18n.loadAndActivate({ locale: 'en', messages: {} }));
});

/** A switch whose save to the account ends when `save` is called (or fails with `fail`). */
function switchTo(locale: string) {
  const save = { done: () => {}, fail: () => {} };
  let switching!: Promise<void>;
  act(() => {
    switching = whileLocaleChanges(async () => {
      i18n.loadAndActivate({ locale, messages: {} });
      await new Promise<void>((resolve, reject) => {
        save.done = resolve;
        save.fail = () => reject(new Error('offline'));
      });
    });
  });
  return { save, switching };
}

describe('useWorded', () => {
  it("keys by the page's language, and waits while a switch is saved to the account", async () => {
    const { result } = renderHook(() => useWorded(['penpals']), { wrapper });
    expect(result.current).toMatchObject({ queryKey: ['penpals', 'en'], enabled: true });
    const { save, switching } = switchTo('lo');
    // The Lao key has no answer yet and is not asked for: the account still says English.
    expect(result.current).toMatchObject({ queryKey: ['penpals', 'lo'], enabled: false });
    await act(async () => {
      save.done();
      await switching;
    });
    expect(result.current).toMatchObject({ queryKey: ['penpals', 'lo'], enabled: true });
  });

  it('asks again once a failed save has ended, and never when its caller says not to', async () => {
    const { result } = renderHook(() => useWorded(['mine']), { wrapper });
    const off = renderHook(() => useWorded(['mine'], false), { wrapper });
    const { save, switching } = switchTo('km');
    expect(result.current.enabled).toBe(false);
    await act(async () => {
      save.fail();
      await expect(switching).rejects.toThrow('offline');
    });
    expect(result.current.enabled).toBe(true);
    expect(off.result.current.enabled).toBe(false);
  });

  it('keeps the previous page while the next loads, never one in another language', () => {
    const { result } = renderHook(() => useWorded(['pairs', 2]), { wrapper });
    const keep = result.current.keepPreviousPage;
    expect(keep('page 1', { queryKey: ['pairs', 1, 'en'] })).toBe('page 1');
    expect(keep('page 1', { queryKey: ['pairs', 1, 'ko'] })).toBeUndefined();
  });
});
