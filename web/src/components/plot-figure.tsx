/**
 * An Observable Plot chart as wide as its container: re-rendered when its options change or the
 * container is resized (a phone held sideways, a window dragged).
 */
import * as Plot from '@observablehq/plot';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

interface PlotFigureProps {
  options: Plot.PlotOptions;
  /** What the chart shows, for screen readers (a table with the same numbers sits beside each chart). */
  label: string;
  testId?: string;
}

export function PlotFigure({ options, label, testId }: PlotFigureProps) {
  const container = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);

  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    if (width === 0) return;
    const chart = Plot.plot({ ariaLabel: label, ...options, width: Math.max(280, width) });
    container.current?.replaceChildren(chart);
    return () => chart.remove();
  }, [options, label, width]);

  return <div class="chart" ref={container} data-testid={testId} />;
}
