// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useRef } from 'react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { useFixedRowWindow } from '../../src/components/useFixedRowWindow.js';

// jsdom lays nothing out: the scroller's scrollTop and clientHeight come from `metrics`.
const metrics = { scrollTop: 0, clientHeight: 480 };
const SCROLLER = 'scroller';
const patched = ['scrollTop', 'clientHeight'] as const;
beforeAll(() => {
  for (const key of patched) {
    Object.defineProperty(HTMLElement.prototype, key, {
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains(SCROLLER) ? metrics[key] : 0;
      },
    });
  }
});
// Deleting the own properties brings back jsdom's, inherited from Element.prototype.
afterAll(() => {
  for (const key of patched) Reflect.deleteProperty(HTMLElement.prototype, key);
});

/** A ResizeObserver jsdom lacks: `resize()` calls every live observer's callback. */
class FakeResizeObserver {
  static live = new Set<FakeResizeObserver>();
  static resize(): void {
    for (const observer of FakeResizeObserver.live) observer.callback([], observer);
  }
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(): void {
    FakeResizeObserver.live.add(this);
  }
  unobserve(): void {}
  disconnect(): void {
    FakeResizeObserver.live.delete(this);
  }
}

beforeEach(() => {
  metrics.scrollTop = 0;
  metrics.clientHeight = 480;
  FakeResizeObserver.live.clear();
  vi.stubGlobal('ResizeObserver', FakeResizeObserver);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

let renders = 0;
const countRender = () => {
  renders += 1;
};

/** Renders the window as text ("start-end height") and each row at its top. */
function Rows(props: { count: number; rowHeight?: number; overscan?: number }) {
  countRender();
  const scroller = useRef<HTMLDivElement>(null);
  const rows = useFixedRowWindow(scroller, {
    count: props.count,
    rowHeight: props.rowHeight ?? 48,
    overscan: props.overscan ?? 2,
  });
  const indexes = Array.from({ length: rows.end - rows.start }, (_, i) => rows.start + i);
  return (
    <div ref={scroller} className={SCROLLER} data-testid={SCROLLER}>
      <p data-testid="window">{`${rows.start}-${rows.end} ${rows.totalHeight}`}</p>
      {indexes.map((index) => (
        <span key={index} data-testid="row" data-top={rows.top(index)} />
      ))}
    </div>
  );
}

const windowText = () => screen.getByTestId('window').textContent;
const scrollTo = (top: number) => {
  metrics.scrollTop = top;
  fireEvent.scroll(screen.getByTestId(SCROLLER));
};

describe('useFixedRowWindow', () => {
  it('renders the visible rows plus overscan below once render returns, each at index * rowHeight', () => {
    render(<Rows count={100} />);
    // 480 px of 48 px rows: rows 0-9 visible, 2 more below, none above row 0.
    expect(windowText()).toBe('0-12 4800');
    const tops = screen.getAllByTestId('row').map((row) => row.dataset.top);
    expect(tops).toEqual(Array.from({ length: 12 }, (_, i) => String(i * 48)));
  });

  it('re-renders when a row boundary is crossed, not for pixels scrolled within a row', () => {
    render(<Rows count={100} />);
    scrollTo(100); // rows 2 (partly) to 12 (partly) visible
    expect(windowText()).toBe('0-15 4800');
    const before = renders;
    scrollTo(110);
    scrollTo(120);
    scrollTo(143);
    expect(renders).toBe(before);
    expect(windowText()).toBe('0-15 4800');
    scrollTo(150); // row 2 has left the top, row 13 entered at the bottom
    expect(renders).toBe(before + 1);
    expect(windowText()).toBe('1-16 4800');
  });

  it('overscans both ways, and stops at both ends', () => {
    render(<Rows count={40} overscan={3} />);
    scrollTo(20 * 48); // rows 20-29 visible
    expect(windowText()).toBe('17-33 1920');
    scrollTo(30 * 48); // the last screenful: rows 30-39
    expect(windowText()).toBe('27-40 1920');
    scrollTo(0);
    expect(windowText()).toBe('0-13 1920');
  });

  it('clamps when count shrinks: no row past the end, and no empty window past the new end', () => {
    const { rerender } = render(<Rows count={100} />);
    scrollTo(50 * 48); // rows 50-59
    expect(windowText()).toBe('48-62 4800');
    // The browser has not clamped scrollTop yet: the last 10 rows of 30 show, with overscan above.
    rerender(<Rows count={30} />);
    expect(windowText()).toBe('18-30 1440');
    rerender(<Rows count={4} />);
    expect(windowText()).toBe('0-4 192');
    rerender(<Rows count={0} />);
    expect(windowText()).toBe('0-0 0');
    expect(screen.queryAllByTestId('row')).toHaveLength(0);
  });

  it('grows the window when the container grows', () => {
    render(<Rows count={100} />);
    expect(windowText()).toBe('0-12 4800');
    metrics.clientHeight = 960;
    act(() => FakeResizeObserver.resize());
    expect(windowText()).toBe('0-22 4800');
  });

  it('re-reads the container when rowHeight changes', () => {
    const { rerender } = render(<Rows count={100} />);
    scrollTo(480);
    expect(windowText()).toBe('8-22 4800');
    rerender(<Rows count={100} rowHeight={96} />);
    // scrollTop 480 is row 5 of 96 px rows; 5 rows fill the 480 px.
    expect(windowText()).toBe('3-12 9600');
  });

  it('removes its scroll listener and resize observer on unmount', () => {
    const added = vi.spyOn(EventTarget.prototype, 'addEventListener');
    const removed = vi.spyOn(EventTarget.prototype, 'removeEventListener');
    const { unmount } = render(<Rows count={100} />);
    const scroller = screen.getByTestId(SCROLLER);
    const scrollHandlers = (spy: typeof added) =>
      spy.mock.calls.filter((call, i) => spy.mock.contexts[i] === scroller && call[0] === 'scroll');
    const [listener] = scrollHandlers(added).map((call) => call[1]);
    expect(listener).toBeTypeOf('function');
    expect(FakeResizeObserver.live.size).toBe(1);
    unmount();
    expect(scrollHandlers(removed).map((call) => call[1])).toEqual([listener]);
    expect(FakeResizeObserver.live.size).toBe(0);
  });

  it('works without ResizeObserver', () => {
    vi.stubGlobal('ResizeObserver', undefined);
    render(<Rows count={100} />);
    scrollTo(480);
    expect(windowText()).toBe('8-22 4800');
  });

  it('renders on the server with no DOM and no warning: the first overscan rows', async () => {
    vi.resetModules();
    vi.stubGlobal('document', undefined);
    const errors = vi.spyOn(console, 'error');
    const { renderToString } = await import('react-dom/server');
    const hook = await import('../../src/components/useFixedRowWindow.js');
    function ServerRows() {
      const scroller = useRef<HTMLDivElement>(null);
      const rows = hook.useFixedRowWindow(scroller, { count: 100, rowHeight: 48, overscan: 3 });
      return <div ref={scroller}>{`${rows.start}-${rows.end} ${rows.totalHeight}`}</div>;
    }
    expect(renderToString(<ServerRows />)).toBe('<div>0-3 4800</div>');
    expect(errors).not.toHaveBeenCalled();
  });
});
