import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

/** A small bar chart of one value per day (uPlot, loaded with the screen that shows it). */
export default function Chart({ days, values, label }: { days: number[]; values: number[]; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const style = getComputedStyle(document.documentElement);
    const accent = style.getPropertyValue("--accent").trim() || "#3056d3";
    const text = style.getPropertyValue("--text").trim() || "#222";
    const plot = new uPlot(
      {
        width: el.clientWidth || 600,
        height: 180,
        legend: { show: false },
        cursor: { show: true },
        // Half a day either side, so the first and last bars are whole.
        scales: { x: { time: true, range: (_u, min, max) => [min - 43_200, max + 43_200] }, y: { range: (_u, _min, max) => [0, Math.max(4, max)] } },
        axes: [
          { stroke: text, grid: { show: false } },
          { stroke: text, size: 40 },
        ],
        series: [{}, { label, stroke: accent, fill: `${accent}55`, paths: uPlot.paths.bars!({ size: [0.6, 40] }), points: { show: false } }],
      },
      [days.map((d) => d / 1000), values],
      el,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: el.clientWidth, height: 180 }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [days.join(), values.join(), label]);
  const total = values.reduce((a, b) => a + b, 0);
  return (
    <figure className="chart">
      <div ref={box} role="img" aria-label={`${label} per day: ${values.join(", ")} (${total} in all)`} />
    </figure>
  );
}
